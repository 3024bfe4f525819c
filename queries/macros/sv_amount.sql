-- reads a krona amount exactly, at most two decimals; a lone 12.500 or 1,005 is ambiguous and unreadable
create macro sv_amount(s) as sv_amount_of(sv_numeral(s))
