-- a person's planned hours in one month: the degree of employment of a twelfth of the working hours of a year
create macro planned_hours_per_month(sysselsattningsgrad, arsarbetstid) as (
    sysselsattningsgrad::double / 100 * arsarbetstid / 12
)
