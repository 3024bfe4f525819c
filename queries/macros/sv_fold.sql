-- folds a value for matching as lagesbild.schema.fold does: case, accents, a BOM, runs of any space or _
create macro sv_fold(s) as trim(regexp_replace(
    lower(strip_accents(replace(s, chr(65279), ''))),
    '[\t\n\x{0B}\x{0C}\r \x{1C}-\x{1F}\x{85}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}_]+',
    ' ',
    'g'
))
