# entities.lex -- the words the name stage reads (src/analyse/entities.c)
# and the truecaser that gives text in capitals or lower case the case of
# edited prose (src/analyse/truecase.c).  Format: data/lex/README.md.


# Words that may join the words of a name and stay in lower case inside
# it: "Ministry of Defence", "Islamic State in Iraq and the Levant",
# "Luis de la Reina", "Abdullah bin Zayed".
[set name_links]
of
in
on
for
and
the
de
di
du
da
la
le
del
des
della
dos
van
von
der
bin
ibn
bint
wal
y

# Articles that open a name and are capitalised there: "La Paz", "El
# Salvador", "Los Angeles" (inside a name they are links: "Luis de la
# Reina").
[set name_articles]
la
le
el
los
las
les
il
lo
al


# An acronym that is also a common word ("US" and "us", "IS" and "is") is
# the name, in text whose case says nothing, after one of these words
# ("the us embassy", "a us drone") ...
[set acronym_before]
the
a
an

# ... or before one of these ("us forces", "is fighters"; "us-led" and
# "is-held", joined by a hyphen, always).
[set acronym_after]
forces
troops
military
army
navy
marines
soldiers
personnel
officials
official
diplomats
diplomat
embassy
consulate
government
administration
president
secretary
envoy
ambassador
senator
congress
department
intelligence
aircraft
jets
warplanes
drones
drone
airstrikes
airstrike
strikes
militants
fighters
gunmen
group
groups
leader
leaders
commander
commanders
positions
stronghold
strongholds
territory
supporters
members
citizens
authorities
spokesman
spokeswoman
dollars
dollar


# Endings that make a word the dictionary lacks out of one it has
# ("airstrikes", "jihadists", "geolocated"): such a word is a common word,
# not a name, in text whose case says nothing.
[set derivation_suffixes]
s
es
ed
d
ing
er
ers
ist
ists
ly

# Endings of words the dictionary lacks that names do not have: such a
# word is a common one ("interoperability", "radicalisation").
[set common_endings]
ability
ibility
ities
ment
ments
tion
tions
sion
sions
ness
ism
isms
ization
izations
isation
isations
ically
