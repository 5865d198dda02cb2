# tokenize.lex -- the words the sentence cutter reads (src/analyse/tokenize.c).
# Format: data/lex/README.md.


# Words that usually open a sentence: after an initialism such as "U.S."
# they show that its period also ended the sentence ("... in the U.S. The
# talks ...").  In text whose case carries no information (capitals or
# lower case) only those marked "caseless" count: "and", "in", "officials"
# follow an initialism inside a sentence too ("U.S. and French ships",
# "U.S. officials said").
[table sentence_openers: caseless]
the         yes
it          yes
he          yes
she         yes
they        yes
we          yes
i           yes
this        -
that        -
these       -
those       -
but         yes
and         -
in          -
on          -
a           -
an          -
its         yes
his         yes
her         yes
their       yes
there       yes
officials   -
however     yes
according   -
