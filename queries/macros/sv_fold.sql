-- folds a header or value-set spelling: case, accents, repeated spaces and underscores
create macro sv_fold(s) as trim(regexp_replace(lower(strip_accents(s)), '[\s_]+', ' ', 'g'))
