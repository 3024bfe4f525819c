-- a person's hourly cost: the yearly salary with on-costs over the working hours of a year
create macro hourly_cost_kr(manadslon, lonebikostnader, arsarbetstid) as (
    manadslon::double * 12 * (1 + lonebikostnader / 100) / arsarbetstid
)
