namespace C2C.Analytics.Calendar;

/// <summary>What a holiday file row does with its date.</summary>
public enum HolidayFileAction
{
    /// <summary>The date is a holiday (a company day, a shutdown day, a one-off public holiday).</summary>
    Add,

    /// <summary>The built-in holiday on the date is not a holiday for this company.</summary>
    Remove,
}
