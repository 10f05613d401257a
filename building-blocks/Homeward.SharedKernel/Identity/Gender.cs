namespace Homeward.SharedKernel.Identity;

public enum Gender
{
    Female = 0,
    Male = 1,
}
