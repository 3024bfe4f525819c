-- reads a whole number written the Swedish way; null if unreadable or not whole
create macro sv_whole(s) as sv_whole_of(sv_numeral(s))
