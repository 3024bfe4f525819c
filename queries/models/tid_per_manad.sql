-- reported hours per person and month, every date of a month counted to its first day
-- reads: tid
create table tid_per_manad as
select
    person,
    date_trunc('month', manad)::date as manad,
    sum(timmar)::double as timmar,
from tid
where person is not null and manad is not null and timmar is not null
group by person, date_trunc('month', manad)
-- a fixed row order, so that sums over the table add up in the same order at every load
order by person, manad
