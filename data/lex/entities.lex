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


# Articles.  Before a closed-class word that is also an acronym they make
# it the name, in text whose case says nothing ("the us embassy", "a us
# drone"; not "the site"); they open a role ("X, a clan elder, said").
[set articles]
the
a
an

# An acronym that is also a common word is the name before one of these
# ("us forces", "is fighters"; "us-led" and "is-held", joined by a hyphen,
# always).
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


# ---- people ----

# Verbs whose subject or object is a person: a name before "said" or after
# "told" is a person's ("X said", "told X").
[set person_verbs]
said
says
told
added
explained
noted
wrote
warned
stated
argued
pointed
insisted
stressed
announced
confirmed
denied
tweeted
posted
acknowledged
urged
asked
replied
declared
recalled
estimated
claimed
testified
tells
writes
believes
thinks
described
called
cautioned
observed

# Verbs whose object is a person: a name of two or more words right after
# one is a person's ("gunmen killed Rosa Mendez", "kidnapped Tomas Rivas").
[set victim_verbs]
killed
murdered
assassinated
kidnapped
abducted
executed
wounded
injured
beheaded
tortured
shot

# Two words after which a name is a person's: "according to X", "led by X".
# A relative pronoun that only a person takes: a name of two words or more
# right before ", who" is a person's ("Dana Okafor, who led the talks").
[set person_relatives]
who
whom

[set person_introducers]
according to
led by
headed by
founded by
run by

# Lower-case words inside a person's name: "Abdullah bin Zayed", "Luiz
# Inacio da Silva", "Ursula von der Leyen".
[set person_links]
bin
ibn
bint
de
da
del
della
di
dos
du
van
von
der
le
la
wa

# The words of an office whose holder a capitalised title names
# without a name ("the Foreign Secretary said", "The Minister also met",
# "the Iraqi Prime Minister"; entities.c: office_holder).  Ranks and
# honorifics ("General", "Officer", "Mr") stay out: alone they name no one
# in particular.
[set office_heads]
minister
secretary
president
chancellor
premier
ambassador
envoy
governor
mayor
secretary-general

# Words that open the name of a military operation or exercise, not of
# the force that runs it: a known name starting with one ("Operation
# Inherent Resolve", an alias of the task force) names the operation, and
# is no mention of the actor (entities.c: read_chunk).
[set operation_words]
operation
exercise

# Words that may open the role set off by commas after a name, before its
# role noun, besides the articles: "X, the former commander of ..., said".
[set role_openers]
former
retired
then

# Nouns that name a group or a place, not a person's role: "X, a group
# that ...", "X, a town in ..." is no person.
[set not_roles]
group
movement
organization
organisation
town
city
village
country
province
region
area
militia
army
force
forces
agency
company
capital

# Words that end a role read backwards from a name ("the army chief, Gen.
# X"), besides the articles: the role does not take them in.
[set role_stops]
said
says
told
by
of
and
with


# ---- organisations ----

# Head nouns that end an organisation's name ("... Research Network",
# "Syrian Democratic Forces", "Ministry of Defence"), with the kind they
# give it: media; military; government; an armed group (a state's military
# after a national modifier: "Iraqi Security Forces"); '-' an organization.
[table org_heads: kind]
forces          armed
force           armed
army            armed
armies          -
command         military
commands        -
front           armed
fronts          -
brigade         military
brigades        armed
battalion       armed
battalions      armed
regiment        military
regiments       -
division        military
divisions       -
corps           military
squadron        military
squadrons       -
wing            military
wings           -
fleet           military
guard           armed
guards          armed
militia         armed
militias        armed
units           armed
unit            -
legion          -
detachment      -
group           -
groups          -
movement        armed
movements       -
network         -
resistance      armed
mobilization    armed
mobilisation    armed
coalition       -
alliance        -
council         government
councils        -
committee       -
committees      -
organization    -
organisation    -
party           -
mujahideen      -
cartel          -
gang            -
faction         -
liberation      -
emirate         -
province        -
wilayat         -
ministry        government
department      government
directorate     government
agency          government
service         government
services        government
police          government
gendarmerie     -
bureau          government
office          government
commission      government
authority       government
administration  government
assembly        government
parliament      government
congress        -
senate          -
government      government
cabinet         government
presidency      -
secretariat     -
court           government
tribunal        -
prosecutor      -
headquarters    -
staff           -
center          -
centre          -
union           -
league          -
federation      -
association     -
society         -
foundation      -
institute       -
institution     -
observatory     -
monitor         -
watch           -
mission         -
initiative      -
project         -
program         -
programme       -
fund            -
bank            -
trust           -
consortium      -
forum           -
conference      -
community       -
crescent        -
cross           -
international   -
relief          -
university      -
academy         -
college         -
school          -
hospital        -
company         -
corporation     -
holdings        -
industries      -
airlines        -
airways         -
news            media
times           media
post            media
press           media
herald          media
journal         media
tribune         media
television      media
radio           media
gazette         media
telegraph       media
chronicle       media
daily           -
magazine        -
broadcasting    -
channel         -
wire            -
monitoring      -

# Words that may follow an organisation's head noun inside its name:
# "Ministry of Defence", "Council for Peace", "Committee on Aid".
[set org_head_links]
of
for
on

# Words that introduce another name of what was just named: "X, also known
# as Y", "X, widely known as Y".
[set alias_markers]
also known as
formerly known as
widely known as
better known as
commonly known as
known as


# ---- places ----

# Words before a place: "in X", "near X", "north of X".
[set locatives]
at
around
across
and
in
into
inside
near
north
northern
northeast
northwest
from
outside
of
over
to
toward
towards
between
south
southern
southeast
southwest
east
eastern
west
western
central
via

# Words after a name that make it a region: "Idlib province".
[set admin_words]
province
governorate
state
region
district
county
oblast
prefecture
department

# Collective nouns whose possessive stays inside a name: "the People's
# Protection Units", "the Lord's Resistance Army", "the Women's Defence
# Units" (where "Iraq's Anbar" is two names).
[set name_possessives]
people
peoples
lord
women
workers
martyrs
peasants
farmers
students
citizens
mothers
patriots
toilers
mujahideen
nation
nations

# Words that open an organisation's name of two to four capitalised words,
# whatever follows ("Air India", "Radio Norte"): the place named after one
# is part of the name, not a place of its own.  The kind is the word's
# org_heads kind when it has one.
[set org_openers]
air
radio

# Words that list names: an unknown name listed with a place is one
# ("al-Rai and Dabiq").
[set coordinators]
and
or

# Words after a list of names that make them streets, not places
# ("at Hamra and Bliss streets").
[set street_words]
street
streets
avenue
avenues
road
roads
boulevard
boulevards
lane
lanes
square
squares

# Links of a name ("Committee on Foreign Relations", "State in Iraq") that
# before a day or month close the name instead: "Tal Tamr on Monday".
[set date_links]
on
in

# Days and months: a capitalised one names no one.
[set calendar]
monday
tuesday
wednesday
thursday
friday
saturday
sunday
january
february
march
april
may
june
july
august
september
october
november
december
jan
feb
mar
apr
jun
jul
aug
sep
sept
oct
nov
dec

# Words after a place name that do not make it part of a longer name
# ("Idlib Province", "Jordan Valley").
[set place_name_after]
province
governorate
city
district
region
state
county
oblast
prefecture
department
camp
border
countryside
plains
valley

# Words before a place name that do not make it part of a longer name
# ("Northern Syria", "Greater Damascus").
[set place_name_before]
north
south
east
west
northern
southern
eastern
western
northeast
northwest
southeast
southwest
northeastern
northwestern
southeastern
southwestern
central
greater
upper
lower
occupied
rural

# "the town of X": an unknown name after one of these is a place.
[set place_kind_of]
town of
village of
city of
district of
camp of
area of
region of
hamlet of
suburb of
outskirts of
province of
governorate of
neighbourhood of
neighborhood of
settlement of
county of
towns of
villages of
cities of
districts of
camps of
suburbs of
provinces of
neighbourhoods of
neighborhoods of
settlements of

# Words before "city of" and its kin that belong to the place's mention
# ("the port city of X", "the border town of X"); words of direction are
# in place_adjectives.
[set place_kind_modifiers]
port
border
capital
coastal
ancient
historic
desert
frontier

# Prepositions after which an unknown name is a place ("raids around X").
[set place_preps]
in
near
around
outside
at
into
toward
towards
from
inside

# A generic last word that is part of a place's name ("Sadr City",
# "Rukban Camp").
[set place_generic_last]
city
camp
town
district
village

# The limits place resolution weighs candidates by (entities.c:
# place_score, neighbour_in_region, choose_place): populations in people,
# distances in km.  An entry names the limit, not a word of the text.
# - small_namesake: below it, a place that nothing in the document
#   supports (its country unnamed, no stated country) is a namesake, unless
#   a locative names it and it is the name's only candidate;
# - unplaced_namesake: below it, such a place is a namesake even after a
#   locative unless the locative places it;
# - common_word_town: a place named by a common word ("Mobile", "Split")
#   named mid-sentence without a locative must be at least this large;
# - large_city: a city this large keeps its name against a region of it
#   ("New York", "Cairo"); smaller towns lose to a region named so;
# - part_of_city_km: a town within this distance of a city of the region's
#   name is a part of that city ("Brooklyn, New York");
# - near_km, nearby_km: a namesake within near_km of another place the
#   document names (its first reading) is taken before one farther off,
#   and one within nearby_km before one farther still ("Austin" beside
#   "Indianapolis" is the town in Indiana, not the city in Texas);
# - distance_percent, distance_margin_km: "X, 15 km south of Y" rules out
#   every namesake of X farther from Y than this percentage of the distance
#   plus the margin (the text's figure is often by road); with none left,
#   X is a place of Y's country at Y's point.
[constants place_limits: value]
small_namesake      50000
unplaced_namesake   500000
common_word_town    100000
large_city          500000
part_of_city_km     30
near_km             150
nearby_km           600
distance_percent    150
distance_margin_km  25

# Particles that join a name even standing alone ("al Qaeda", "El
# Fasher", "Dar es Salaam"); the others only when hyphenated ("ad-Dawr"), as "at" and "as"
# are English words.
[set joining_particles]
al
el
ul
es

# "X, or Y": an acronym after "or" names X again.
[set alias_or]
or


# ---- actors named by a country, a nationality or a known group ----

# What a group of people after a country, a nationality or a known actor
# stands for ("U.S. forces", "Iraqi officials", "the Syrian people", "ISIL
# fighters"): a state's military, police or government, its people, or
# the fighters of a group.  The mention spans the modifier and the noun;
# a country's or nationality's group is the actor the knowledge base
# names so ("Iraqi security forces"), else the state's (entities.c:
# actor_readings).  After a known actor only its fighters count.
[table group_nouns: actor]
forces              military
security forces     military
armed forces        military
troops              military
military            military
army                military
soldiers            military
service members     military
servicemembers      military
personnel           military
jets                military
warplanes           military
warships            military
navy                military
police              police
police forces       police
policemen           police
police officers     police
government          government
governments         government
authorities         government
officials           government
regime              government
administration      government
leadership          government
people              people
civilians           people
citizens            people
fighters            fighters
militants           fighters
terrorists          fighters
operatives          fighters
rebels              fighters
units               fighters
unit                fighters
members             fighters
# groups that are no state's organ: the span is an organisation of its
# own, of the country named ("the Syrian opposition", "Turkish allies",
# "Coalition partners", "British businesses")
opposition          other
parties             other
partners            other
allies              other
counterparts        other
businesses          other
companies           other
communities         other
community           other
leaders             other
ministers           other
ships               military
children            people

# Words of government that, right after a person's name, name the
# government the person leads ("the Assad regime", "the Obama
# administration"; entities.c: actor_readings).
[set government_heads]
regime
administration
government

# Words that may stand between the modifier and the group ("ISIL tactical
# units", "Syrian regime forces", "Iraqi government officials").
[set group_modifiers]
tactical
special
elite
regime
government
ground
local
senior
top
national
federal
provincial
counter-terrorism
coalition
allied
pro-government

# Words that open a coordination ("in both Iraq and Syria", "to either
# Jordan or Lebanon"): between a place's governing word and the country
# they change nothing (entities.c: governed_as_place).
[set coordination_openers]
both
either

# Words before a country that make it the place something happens in,
# not an actor ("in Syria", "across Iraq", "north of Mosul").  After
# "to" only a journey's words do ("travel to Turkey"); a country
# governed by none of them, or coordinated with one that is, acts too
# ("Turkey said", "working with Jordan", "a U.S. strike"), and gets the
# government's reading beside the place (entities.c: actor_readings).
[set place_governors]
in
inside
across
throughout
within
into
from
at
near
around
outside
via
through
toward
towards
on
of

[set journey_words]
travel
travels
travelled
traveled
travelling
traveling
trip
visit
visits
journey
return
returns
returned
returning
come
comes
came
coming
go
goes
went
going
fly
flies
flew
flying
move
moved
moving
sent
deployed
arrive
arrived
back
way
flight

# A verb whose object is a place: "visited Turkey".
[set visit_verbs]
visit
visits
visited
visiting

# Words of direction before a country name it as a place ("in northern
# Syria", "southeastern Turkey").
[set place_adjectives]
north
south
east
west
northern
southern
eastern
western
central
northeast
northwest
southeast
southwest
northeastern
northwestern
southeastern
southwestern
war-torn
neighbouring
neighboring

# Peoples no one country's demonym names (data/demonyms.tsv leaves them
# out): ethnic and national communities that live across borders.  The
# word, and the people it names (the nationality entity's name).  Free of
# other mentions, the adjective is a mention of the people ("Kurdish
# autonomy"), and before a group noun a group of its own ("Kurdish
# fighters", "the Yazidi community"); entities.c: nationality_readings.
[table peoples: people]
kurdish        Kurds
kurds          Kurds
arab           Arabs
arabs          Arabs
yazidi         Yazidis
yazidis        Yazidis
yezidi         Yazidis
yezidis        Yazidis
turkmen        Turkmen
assyrian       Assyrians
assyrians      Assyrians
druze          Druze
pashtun        Pashtuns
pashtuns       Pashtuns
baloch         Baloch
baluch         Baloch
hazara         Hazaras
hazaras        Hazaras
tuareg         Tuareg
fulani         Fulani
hausa          Hausa
rohingya       Rohingya
uyghur         Uyghurs
uyghurs        Uyghurs
uighur         Uyghurs
uighurs        Uyghurs
tamil          Tamils
tamils         Tamils
berber         Berbers
berbers        Berbers
amazigh        Berbers

# Formations named by an ordinal number ("3rd Battalion", "the 407th Air
# Expeditionary Group", "5th Fleet"): in text of no case, the words from
# the ordinal to one of these are a name (truecase.c: ordinal_units).
[set unit_heads]
battalion
brigade
regiment
division
corps
squadron
fleet
wing
group
company
battery
army
command
flotilla
