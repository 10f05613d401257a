using System.Linq.Expressions;
using Homeward.SharedKernel.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homeward.BuildingBlocks.Infrastructure.Persistence;

public static class ProtectedValueMapping
{
    /// <summary>
    /// Stores a <see cref="ProtectedValue"/> in three columns of the owner's table: <c>&lt;prefix&gt;_ciphertext</c>,
    /// <c>&lt;prefix&gt;_lookup_hash</c> (indexed, unique where the value identifies a person) and <c>&lt;prefix&gt;_masked</c>.
    /// </summary>
    public static EntityTypeBuilder<TOwner> OwnsProtectedValue<TOwner>(
        this EntityTypeBuilder<TOwner> owner,
        Expression<Func<TOwner, ProtectedValue?>> property,
        string columnPrefix,
        bool required,
        bool unique)
        where TOwner : class
    {
        owner.OwnsOne(property!, (OwnedNavigationBuilder<TOwner, ProtectedValue> value) =>
        {
            value.Property(v => v.Ciphertext).HasColumnName($"{columnPrefix}_ciphertext");
            value.Property(v => v.LookupHash).HasColumnName($"{columnPrefix}_lookup_hash");
            value.Property(v => v.Masked).HasColumnName($"{columnPrefix}_masked").HasMaxLength(64);
            var index = value.HasIndex(v => v.LookupHash);
            if (unique)
            {
                index.IsUnique();
            }
        });
        if (required)
        {
            owner.Navigation(property).IsRequired();
        }

        return owner;
    }
}
