using System.Collections.Frozen;
using System.Text;
using Homeward.SharedKernel.Reference;

namespace Homeward.SharedKernel.Names;

/// <summary>
/// The sound of a Chinese name in toneless pinyin ("张伟" and "张玮" are both "zhang wei"), so that a name heard on
/// the phone or written with a different character is still found. The first character is read as a surname.
/// Characters without a reading (Latin letters, '·') are kept as they are, lower-cased.
/// </summary>
public static class ChineseNames
{
    private static readonly FrozenDictionary<char, string> Readings = Load("pinyin");
    private static readonly FrozenDictionary<char, string> SurnameReadings = Load("pinyin-surnames");

    public static string ToPinyin(string name)
    {
        var builder = new StringBuilder(name.Length * 5);
        var first = true;
        foreach (var c in name.Trim())
        {
            if (c is ' ' or '·')
            {
                continue;
            }

            var reading = first && SurnameReadings.TryGetValue(c, out var surname)
                ? surname
                : Readings.GetValueOrDefault(c) ?? char.ToLowerInvariant(c).ToString();
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(reading);
            first = false;
        }

        return builder.ToString();
    }

    private static FrozenDictionary<char, string> Load(string dataset) =>
        ReferenceDataRelease.Latest(dataset).Rows.ToFrozenDictionary(row => row["char"][0], row => row["pinyin"]);
}
