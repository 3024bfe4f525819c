-- reads 1 800 000, 1.800.000,50, 1800000,50, 1800000.50 or −1 250 as a number; null if unreadable
create macro sv_number(s) as sv_number_of(sv_numeral(s))
