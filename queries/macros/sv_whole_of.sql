-- reads a numeral as a whole number; null if unreadable, not whole, or too large to be read exactly (beyond 2^53)
create macro sv_whole_of(n) as list_transform(
    -- the number is read once and tested by name: a macro repeats its argument wherever it is named
    [sv_number_of(n)],
    lambda x: case when x = floor(x) and abs(x) <= 9007199254740991 then x::bigint end
)[1]
