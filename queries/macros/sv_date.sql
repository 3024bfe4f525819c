-- reads 2025-04-30, 20250430 or 2025-04-30 00:00:00 as a date in the years 1900–2200; null if unreadable
create macro sv_date(s) as (
    case
        -- both forms begin with the year; 0025 or 9999 is a typing slip that exports cannot write
        when not regexp_full_match(left(trim(s), 4), '19\d\d|2[01]\d\d|2200') then null
        when regexp_full_match(trim(s), '\d{4}-\d{2}-\d{2}') then try_cast(trim(s) as date)
        -- with a time of day, the time must be one too (25:00 is no time)
        when regexp_full_match(trim(s), '\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d+)?)?')
            then try_cast(trim(s) as timestamp)::date
        when regexp_full_match(trim(s), '\d{8}')
            then try_strptime(trim(s), '%Y%m%d')::date
    end
)
