-- one row per calendar month of the project period
-- reads: nothing
create table projektmanader as
select
    unnest(generate_series(
        date_trunc('month', $start::date),
        date_trunc('month', $slut::date),
        interval 1 month
    ))::date as manad
