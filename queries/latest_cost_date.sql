-- the date of the latest booked cost, the default report date
select max(datum) as senaste_datum from bokforing where utanfor is null
