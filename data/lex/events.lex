# events.lex -- the words and rules of the events stage
# (src/analyse/events.c): the trigger table that names each happening's
# ACLED sub-event, and the word classes its guards and readers test.
# Format: data/lex/README.md.  Words shared with claims (speech verbs,
# clause breaks, irrealis markers) live in frame.lex.


# ---- triggers ----
#
# A word or phrase that names a happening, with the ACLED sub-event it
# names, the guard that must hold (a named test in events.c; - none), the
# veto that must not hold (- none) and whether the word is a plural (a
# plural needs a determiner that makes it one episode, "the twin blasts",
# or a sub-event counted by its happenings, "clashes").  Rows of one phrase
# are alternative readings tried in order: the first whose guard holds and
# whose veto does not names the sub-event; none, and the word names
# nothing.  The longest phrase at a token is read first, then its first
# word alone.  Every word that starts an entry here is the events gate
# (SR_WI_EVENT): a rule cannot test a word the gate lacks.
#
# Sub-events (events.c maps them to ACLED's names): clash, gov_regains,
# nsa_overtakes, air, suicide, shelling, ied, grenade, civilians (an attack
# on civilians), abduction, sexual, protest, intervention, violent_demo,
# mob, agreement, arrests, change, hq, looting, transfer, other, disrupted
# (a bomb defused or that failed to go off), and attack
# ("an attack": a clash or an attack on civilians, decided by its target).
#
# Guards (events.c, guard_holds):
#   launched        "launched a drone at": launch_verb two words before
#   hit_next        the next word is in strike_verb ("jets struck")
#   aircraft_before an aircraft word within three words before ("planes bombed")
#   air_force_by    "by" right after, then an air_doer within three words
#                   ("bombed by the air force")
#   after_missile   "missile strike"
#   military        a strike_modifier within two words before, or a name
#                   right before ("US strikes")
#   on_target       "a strike on / against / targeting"
#   fire_near       a munition_use word within four words either side, or
#                   before a "with" right before it ("struck X with two missiles")
#   suicide_before  "suicide" within three words before (bombings); suicide2
#                   within two (attacks)
#   air_before      "drone" or "air" within two words before
#   projectile_before "rocket", "missile" or "mortar" within two before
#   knife_before    "knife" within two before
#   bomb_before     a bomb word (bomb_word) within three before ("dynamite attack")
#   bomb_after      one within three after ("an attack with explosives")
#   violent         the sentence speaks of armed violence (violence words,
#                   military targets, an armed group or military named)
#   intense         "fighting" with heavy or fierce before it, "between"
#                   about it, or "erupted" after it
#   shot_dead       "shot dead", "shot and ..."
#   was_before      "was shot", "were shot"
#   victims_count   a figure right after the verb ("killed 9", "killed the 3")
#   deal_made       an agreement signed, reached or of peace, between
#                   political parties (political words or actors)
#   deal_terms      "agreed to" exchange, release, withdraw ... (deal_term)
#   terrorist_after "terrorist" within eight words after
#   base_after      "base" within five words after
#   person_after    a person or person word (person_object) within three after
#   place_after     a place named within four words after ("the village of"
#                   not counted)
#   body_found      a person word or person within three after ("the bodies
#                   of three farmers") and a found_word within three before
#                   or eight after ("police found", "were found")
#   episode         a word of one episode right before ("two raids")
#   of_after        "of" right after ("the killing of two policemen")
#   attempt_before  "attempted to kidnap", "an attempt by X to kill": an
#                   attempt word (attempt) before "to" (the base verb is no
#                   happening otherwise)
#   crowd_near      a crowd word (crowd) within four words either side:
#                   "protesters clashed with police" is a riot, not a battle
#   hold_before     a hostage_verb within five words before ("took several
#                   civilians hostage", "are being held hostage"): not "the
#                   release of the hostages"
#   bomb_near       a bomb word within sixteen words before or six after,
#                   not counted by five or more ("defused 14 bombs" is a
#                   tally): a bomb defused or that failed to go off is
#                   ACLED's Disrupted weapons use
# Vetoes:
#   ordnance_use    a disrupt_verb within three words before ("defused two
#                   bombs"), the next word is in ordnance_context ("bomb squad",
#                   "grenade launcher"), or the weapon is one item of a list
#                   of arms and gear (arms_gear within three words) with no
#                   word of its use (munition_use) within four: an inventory
#                   ("rifles, 40 grenades and radios"), not a blast; so too
#                   a weapon a seize_verb takes earlier in its clause ("seized
#                   a quantity of bombs", "supplied the grenades"); or a
#                   non_blast word right before ("a population explosion")
#   was_before      "was/were executed" (a sentence, not a killing)
#   figurative      a non_armed word right before ("heart attack"), or an
#                   abstract object or "under" with no armed violence about
#   market          market words about "rally"/"rallied" ("stocks rallied")
#   market_rally    the same, or a speech word before "rally" ("spoke at a
#                   campaign rally")
#   background      "protests" with a background word before it
#   state_of        "a state of siege" (a legal regime, not a siege)
[table triggers: sub=event_sub guard=event_test unless=event_test plural]
suicide bomb          suicide        -                  -             0
suicide bombs         suicide        -                  -             0
suicide bomber        suicide        -                  -             0
suicide bombers       suicide        -                  -             0
suicide bombed        suicide        -                  -             0
suicide bombing       suicide        -                  -             0
suicide bombings      suicide        -                  -             1
suicide attack        suicide        -                  -             0
suicide attacks       suicide        -                  -             1
suicide attacked      suicide        -                  -             0
suicide attacker      suicide        -                  -             0
suicide blast         suicide        -                  -             0
suicide blasts        suicide        -                  -             0
suicide vest          suicide        -                  -             0
suicide vests         suicide        -                  -             0
suicide car           suicide        -                  -             0
suicide cars          suicide        -                  -             0

drone strike          air            -                  -             0
drone strikes         air            -                  -             1
drone attack          air            -                  -             0
drone attacks         air            -                  -             1
drone raid            air            -                  -             0
drone raids           air            -                  -             1
drone struck          air            -                  -             0
drone hit             air            -                  -             0
drone targeted        air            -                  -             0
drone attacked        air            -                  -             0
drone bombed          air            -                  -             0
drone pounded         air            -                  -             0
drone slammed         air            -                  -             0
drone crashed         air            -                  -             0
drones strike         air            -                  -             0
drones strikes        air            -                  -             1
drones attack         air            -                  -             0
drones attacks        air            -                  -             1
drones raid           air            -                  -             0
drones raids          air            -                  -             1
drones struck         air            -                  -             0
drones hit            air            -                  -             0
drones targeted       air            -                  -             0
drones attacked       air            -                  -             0
drones bombed         air            -                  -             0
drones pounded        air            -                  -             0
drones slammed        air            -                  -             0
drones crashed        air            -                  -             0
air strike            air            -                  -             0
air strikes           air            -                  -             1
air attack            air            -                  -             0
air attacks           air            -                  -             1
air raid              air            -                  -             0
air raids             air            -                  -             1
drone                 air            launched           -             0
drones                air            launched           -             0
drone                 air            fire_near          -             0
drones                air            fire_near          -             0
warplanes             air            hit_next           -             0
jets                  air            hit_next           -             0
aircraft              air            hit_next           -             0
planes                air            hit_next           -             0
helicopters           air            hit_next           -             0
gunships              air            hit_next           -             0
bombers               air            hit_next           -             0
airstrike             air            -                  -             0
airstrikes            air            -                  -             1
bombed                air            aircraft_before    -             0
bombed                air            air_force_by       -             0
bombed                ied            -                  -             0
strike                shelling       after_missile      -             0
strike                air            military           -             0
strike                air            on_target          -             0
strikes               shelling       after_missile      -             1
strikes               air            military           -             1
strikes               air            on_target          -             1

shelling              shelling       -                  -             0
shellings             shelling       -                  -             0
shelled               shelling       -                  -             0
artillery             shelling       -                  ordnance_use  0
rocket                shelling       fire_near          ordnance_use  0
rockets               shelling       fire_near          ordnance_use  0
mortar                shelling       fire_near          ordnance_use  0
mortars               shelling       fire_near          ordnance_use  0
missile               shelling       fire_near          ordnance_use  0
missiles              shelling       fire_near          ordnance_use  0
shells                shelling       fire_near          ordnance_use  0

grenade               grenade        -                  ordnance_use  0
grenades              grenade        -                  ordnance_use  0

improvised explosive          ied    -                  -             0
explosive device      ied            -                  ordnance_use  0
explosive devices     ied            -                  ordnance_use  1
dynamited             ied            -                  -             0
explosives            ied            fire_near          ordnance_use  0
dynamite              ied            fire_near          ordnance_use  0
blew up               ied            -                  -             0
blown up              ied            -                  -             0
improvised explosive device   ied    -                  -             0
improvised explosive devices  ied    -                  -             0
bombing               suicide        suicide_before     ordnance_use  0
bombing               ied            -                  ordnance_use  0
bomb                  suicide        suicide_before     ordnance_use  0
bomb                  ied            -                  ordnance_use  0
blast                 suicide        suicide_before     ordnance_use  0
blast                 ied            -                  ordnance_use  0
explosion             suicide        suicide_before     ordnance_use  0
explosion             ied            -                  ordnance_use  0
ied                   suicide        suicide_before     ordnance_use  0
ied                   ied            -                  ordnance_use  0
exploded              suicide        suicide_before     ordnance_use  0
exploded              ied            -                  ordnance_use  0
detonated             suicide        suicide_before     ordnance_use  0
detonated             ied            -                  ordnance_use  0
landmine              suicide        suicide_before     ordnance_use  0
landmine              ied            -                  ordnance_use  0
bombings              suicide        suicide_before     ordnance_use  1
bombings              ied            -                  ordnance_use  1
blasts                suicide        suicide_before     ordnance_use  1
blasts                ied            -                  ordnance_use  1
explosions            suicide        suicide_before     ordnance_use  1
explosions            ied            -                  ordnance_use  1
bombs                 suicide        suicide_before     ordnance_use  0
bombs                 ied            -                  ordnance_use  0

firefight             clash          -                  -             0
gunfight              clash          -                  -             0
gun battle            clash          -                  -             0
clashes               violent_demo   crowd_near         -             0
clashes               clash          violent            -             0
clash                 violent_demo   crowd_near         -             0
clash                 clash          violent            -             0
clashed               violent_demo   crowd_near         -             0
clashed               clash          violent            -             0
fought                clash          violent            -             0
battled               clash          violent            -             0
ambush                clash          violent            -             0
ambushed              attack         violent            -             0
ambushes              clash          violent            -             0
ambushing             clash          violent            -             0
fighting              clash          intense            -             0
skirmish              clash          -                  -             0
skirmishes            clash          -                  -             0
raid                  attack         -                  -             0
raids                 attack         episode            -             1
siege                 attack         -                  state_of      0
raided                attack         -                  -             0
stormed               attack         -                  -             0
opened fire           attack         -                  -             0
fired on              attack         -                  -             0
fired at              attack         -                  -             0
fired upon            attack         -                  -             0

shooting              civilians      -                  -             0
murder                civilians      -                  -             0
murders               civilians      -                  -             1
murdered              civilians      -                  -             0
assassination         civilians      -                  -             0
assassinations        civilians      -                  -             1
assassinated          civilians      -                  -             0
slain                 civilians      -                  -             0
slaying               civilians      -                  -             0
machinegunned         civilians      -                  -             0
machine-gunned        civilians      -                  -             0
massacre              civilians      -                  -             0
massacred             civilians      -                  -             0
stabbing              civilians      -                  -             0
stabbed               civilians      -                  -             0
beheaded              civilians      -                  -             0
gunned                civilians      -                  -             0
executed              civilians      -                  was_before    0
shot dead             attack         -                  -             0
shot down             clash          -                  -             0
shooting down         clash          -                  -             0
shot                  attack         shot_dead          -             0
shot                  attack         was_before         -             0
shot                  attack         victims_count      -             0
shot                  attack         person_after       -             0
bodies                attack         body_found         -             0
body                  attack         body_found         -             0
killed                attack         victims_count      -             0
killed                attack         was_before         -             0
killed                attack         person_after       -             0
killing               attack         victims_count      -             0
killing               civilians      of_after           -             0
kidnapped             abduction      -                  -             0
abducted              abduction      -                  -             0
kidnap                abduction      attempt_before     -             0
abduct                abduction      attempt_before     -             0
assassinate           civilians      attempt_before     -             0
kill                  attack         attempt_before     -             0
defused               disrupted      bomb_near          -             0
deactivated           disrupted      bomb_near          -             0
failed to explode     disrupted      bomb_near          -             0
failed to go off      disrupted      bomb_near          -             0
did not explode       disrupted      bomb_near          -             0
did not go off        disrupted      bomb_near          -             0
kidnapping            abduction      -                  -             0
hostage               abduction      hold_before        -             0
hostages              abduction      hold_before        -             0
abduction             abduction      -                  -             0
raped                 sexual         -                  -             0
rape                  sexual         -                  -             0
sexually assaulted    sexual         -                  -             0

attack                suicide        suicide2_before    figurative    0
attack                air            air_before         figurative    0
attack                shelling       projectile_before  figurative    0
attack                civilians      knife_before       figurative    0
attack                ied            bomb_before        figurative    0
attack                ied            bomb_after         figurative    0
attack                attack         -                  figurative    0
attacked              suicide        suicide2_before    figurative    0
attacked              air            air_before         figurative    0
attacked              shelling       projectile_before  figurative    0
attacked              civilians      knife_before       figurative    0
attacked              ied            bomb_before        figurative    0
attacked              ied            bomb_after         figurative    0
attacked              attack         -                  figurative    0
assault               suicide        suicide2_before    figurative    0
assault               air            air_before         figurative    0
assault               shelling       projectile_before  figurative    0
assault               civilians      knife_before       figurative    0
assault               ied            bomb_before        figurative    0
assault               attack         -                  figurative    0
attacks               suicide        suicide2_before    figurative    1
attacks               air            air_before         figurative    1
attacks               shelling       projectile_before  figurative    1
attacks               civilians      knife_before       figurative    1
attacks               ied            bomb_before        figurative    1
attacks               ied            bomb_after         figurative    1
attacks               attack         -                  figurative    1

arrested              arrests        -                  -             0
detained              arrests        -                  -             0
arrests               arrests        -                  -             0
apprehended           arrests        -                  -             0

ceasefire             agreement      -                  -             0
truce                 agreement      -                  -             0
agreement             agreement      deal_made          -             0
deal                  agreement      deal_made          -             0
accord                agreement      deal_made          -             0
agreed to             agreement      deal_terms         -             0
withdrew              transfer       -                  -             0
withdrawn             transfer       -                  -             0
pulled out            transfer       -                  -             0
handed over           transfer       -                  -             0
merged                change         -                  -             0
dissolved             change         -                  -             0
disbanded             change         -                  -             0
designated            other          terrorist_after    -             0
added                 other          terrorist_after    -             0
listed                other          terrorist_after    -             0
established           hq             base_after         -             0
set up                hq             base_after         -             0

looted                looting        -                  -             0
arson                 looting        -                  -             0
robbery               looting        -                  -             0
robbed                looting        -                  -             0
stole                 looting        -                  -             0
torched               looting        -                  -             0
burned                looting        -                  -             0
burnt                 looting        -                  -             0
set fire              looting        -                  -             0
lynched               mob            -                  -             0
lynching              mob            -                  -             0
mob                   mob            -                  -             0
seized                abduction      person_after       -             0
seized                nsa_overtakes  place_after        -             0
overran               nsa_overtakes  place_after        -             0
overran               attack         -                  -             0
captured              nsa_overtakes  place_after        -             0
taken control         nsa_overtakes  place_after        -             0
took control          nsa_overtakes  place_after        -             0
seized control        nsa_overtakes  place_after        -             0
gained control        nsa_overtakes  place_after        -             0
retook                gov_regains    place_after        -             0
recaptured            gov_regains    place_after        -             0
regained              gov_regains    place_after        -             0
regained control      gov_regains    place_after        -             0
retook control        gov_regains    place_after        -             0
liberated             gov_regains    place_after        -             0

protest               protest        -                  background    0
protests              protest        -                  background    0
protested             protest        -                  -             0
protesters            protest        -                  -             0
demonstrators         protest        -                  -             0
rally                 protest        -                  market_rally  0
rallied               protest        -                  market        0
marched               protest        -                  -             0
demonstration         protest        -                  -             0
sit-in                protest        -                  -             0
riot                  violent_demo   -                  -             0
riots                 violent_demo   -                  -             0
rioters               violent_demo   -                  -             0
rioting               violent_demo   -                  -             0
turned violent        violent_demo   -                  -             0
turning violent       violent_demo   -                  -             0


# ---- words the trigger guards read ----

# Words a guard looks for about a trigger (guards named in the trigger
# table's comment): "suicide" before a bombing, "drone" or "air" before an
# attack, a rocket, missile or mortar before it, a knife, a bomb.
[set suicide_word]
suicide

[set air_word]
drone
air

[set projectile_word]
rocket
missile
mortar

[set missile_word]
missile

# Gazetteer feature codes of wide areas (a territory, a region, a valley,
# a sea): as coarse as a first-level region when the place of a happening
# is chosen, never over a town named with it ("the Jenin camp in the West
# Bank").
[set area_feature]
TERR
RGN
RGNE
AREA
MTS
VAL
PLN
DSRT
PEN
SEA
GULF
STRT
CONT
OCN
ISLS
FRST

# Participles that open a clause telling what a happening set off:
# "attacked a base, triggering a gunfight" is one happening.
[set consequence]
triggering
sparking
prompting
provoking
setting
unleashing

[set knife_word]
knife

# Verbs that take or keep people hostage ("took ... hostage").
[set hostage_verb]
took
taken
take
takes
taking
held
hold
holds
holding
seized

[set bomb_word]
bomb
ied
dynamite
explosives
explosive
car-bomb
bombs

# "heavy fighting", "fierce fighting"; "fighting erupted".
[set intense_word]
heavy
fierce

[set outbreak]
erupted

# "shot dead", "shot and killed".
[set shot_after]
dead
and

# An agreement "signed", "reached", "of peace".
[set deal_verb]
signed
reached

[set peace_word]
peace

[set terrorist_word]
terrorist

[set base_word]
base

# "a strike on", "against", "targeting" (guard on_target).
[set aimed_at]
on
against
targeting

# Verbs after an aircraft or drone that make it strike: "jets struck",
# "a drone hit" (guard hit_next).
[set strike_verb]
struck
hit
targeted
attacked
bombed
pounded
slammed
strike
strikes
attack
attacks
raid
raids

# What strikes from the air: "planes bombed" (guard aircraft_before),
# "Nigerian jets killed 30" (an attack by them is an air strike).
# After "by", the doer of "bombed" from the air: "bombed by the air force".
[set air_doer]
air force
aircraft
planes
plane
warplanes
jets
helicopters
drones
military plane
military planes
military aircraft

[set aircraft]
warplanes
warplane
jets
jet
aircraft
planes
plane
helicopters
helicopter
gunships
gunship
bombers
drones
drone

# Verbs two words before "drone" that send it: "launched a drone".
[set launch_verb]
launched
fired
sent

# Words before "strike" that make it a military one: "US strikes",
# "retaliatory strikes" (guard military).
[set strike_modifier]
retaliatory
military
precision
deadly
targeted
missile
israeli
american
russian
us
u.s.
coalition
turkish
drone
air

# Words about rockets, mortars and missiles that make them used: "rockets
# fired at", "a missile landed" (guard fire_near).
[set munition_use]
fired
launched
hurled
threw
thrown
planted
detonated
hit
struck
landed
slammed
targeted
rained
attack
attacks
barrage
salvo
fire
killed
exploded
injured
wounded
damaged
destroyed

# Right before a bomb word: no blast of arms ("a population explosion",
# "the atomic bomb", "a social explosion").
[set non_blast]
population
demographic
atomic
nuclear
cosmic
social
economic
data
information

# After a bomb word: not a blast ("bomb squad", "bomb threat", "an
# artillery battalion", "a mortar unit").
[set ordnance_context]
squad
disposal
threat
threats
launcher
launchers
battalion
battalions
brigade
regiment
command
unit
units
division
school
piece
pieces

# Next to a weapon word: arms and gear listed with it, an inventory
# ("seized rifles, 40 grenades and radios"), when nothing says it was used.
[set arms_gear]
rifle
rifles
pistol
pistols
revolver
revolvers
machinegun
machineguns
ammunition
cartridges
clips
magazines
radios
uniforms
detonators
fuses
knapsacks
equipment

# Earlier in the clause of a weapon word: the weapon was taken, found in
# a search or handed over, goods rather than a blast ("troops seized
# rifles and 36 grenades", "he supplied the grenades"), when nothing says
# it was used (munition_use within four words).
[set seize_verb]
seized
seizing
confiscated
confiscating
supplied
supplying
smuggled
smuggling
stockpiled
stockpiling
stored
hoarded

# Before "attack": not armed violence ("heart attack", "verbal attack").
[set non_armed]
heart
panic
asthma
anxiety
cyber
shark
dog
verbal
personal
political
rhetorical
legal
ad
blistering
scathing
stinging
sustained
withering
harshly
sharply
bitterly
vehemently
publicly
openly
roundly
verbally

# Objects of "attack" that make it a figure of speech unless armed
# violence is about ("attacked the policy", "attacked each other").
[set abstract_object]
policy
policies
plan
plans
record
remarks
comments
statement
proposal
proposals
decision
bill
law
stance
position
idea
ideas
platform
campaign
media
press
critics
rival
rivals
opponents
each
leadership
reporting
budget
tweets
credibility
character

# What "agreed to" does that is a deal between parties.
[set deal_term]
exchange
swap
release
ceasefire
truce
halt
end
withdraw

# Market words about "rally": prices, not protesters.
[set market]
stocks
shares
market
markets
index
prices
dollar
oil
bonds
equities
futures
gold
stock
relief
rebound
investors

# Speech before "rally": a politician at a campaign rally.
[set rally_speech]
said
told
spoke
speaking
addressed
campaign
campaigning

# Before "protests": the protests are the background of another story.
[set background]
because
despite
amid
due

# Words of armed violence: "clashed", "fought" and "attacked" need one in
# their sentence ("she fought cancer").  Military targets count too.
[set violence]
killed
killing
dead
deaths
died
wounded
injured
casualties
gunmen
gunman
militants
insurgents
militia
militiamen
jihadists
attackers
bomb
bombs
explosion
explosives
gunfire
shot
shooting
weapons
armed
guns
rifles
artillery
rockets
mortars
airstrike
airstrikes
hostages
security
shelling
grenades
fire
assailants
suicide
raid

# Words that make an agreement a political one (not two companies'):
# guard deal_made, with states, armed groups and governments named.
[set political]
ceasefire
truce
peace
prisoners
hostages
rebels
government
militants
troops
withdrawal
insurgents
militia
forces
talks
negotiators
mediators

# Persons seized: an abduction, not territory (guard person_after).
[set person_object]
journalist
journalists
reporter
professor
mayor
judge
official
officials
leader
peasant
peasants
farmer
farmers
policeman
policemen
soldier
soldiers
guard
student
hostage
hostages
man
men
woman
women
child
children
students
pupils
girls
boys
workers
worker
passengers
villagers
activist
activists
priest
teacher
teachers
doctor
civilians
people
bodyguard
driver
candidate
senator
minister
officer
lawyer
businessman
magistrate
prosecutor
diplomat
ambassador
nurse
councilman
congressman
governor
colonel
sergeant
captain
lieutenant
agent
engineer
trader
shopkeeper
nun
bishop


# ---- what a trigger's clause says ----

# Irrealis words (frame.irrealis) that do not deny the happening before
# "have": "may have been killed" is unsure of the toll, not of the event.
[set hedge]
may
might
could
would

# Irrealis words (frame.irrealis) that count the noun after them: "several
# attacks" tells a habit, "took several civilians hostage" one happening.
[set quantifier]
several
many

# Irrealis words (frame.irrealis) that govern only the words right after
# them: "warned against attacks", not "a march against taxes ... turned
# violent".
[set governs_next]
against

# Negation governs only what follows it closely: "no attack", not "no
# group has claimed the bombing".
[set negation]
no
not
never
nobody
none

# Within three words before a trigger (no comma between): the happening
# is a course of action that stops or is to stop, not one happening
# ("ceased bombing pipelines", "called on them to stop the bombings").
# Not "stopped" or "halted": an attack halted took place.
[set cessation]
stop
halt
cease
ceased
ceasing
stopping
halting

# A word after a figure that counts munitions or people, not happenings:
# "three rockets hit", "two suicide bombers struck".
[set counted_thing]
rockets
missiles
mortars
shells
drones
bombs
grenades
bombers
gunmen
attackers
rounds
mines
devices
protesters
rioters
demonstrators

# Before a trigger: it refers back to a happening told ("the attack",
# "that blast", "the same raid").
[set refer_back]
the
that
this
same

# Before "the <trigger>": the report responds to a happening rather than
# tells it ("deplored the shooting of", "an inquiry into the ambush",
# "suspects in the kidnapping"). Such a mention adds to the happening the
# report tells elsewhere; it stands alone only when nothing else does.
[set reaction]
condemn
condemns
condemned
condemning
condemnation
deplore
deplores
deplored
deploring
denounce
denounces
denounced
denouncing
repudiate
repudiated
repudiating
repudiation
mourn
mourns
mourned
mourning
investigate
investigates
investigated
investigating
investigation
investigations
investigators
inquiry
probe
implicated
involvement
mastermind
masterminds
masterminded
perpetrators
suspects
clarify
clarification
punish
punishment

# A denial governs the rest of its sentence: a happening told by a verb
# after it did not happen as far as the report tells ("the army denied
# reports that its planes had bombed the villages"); events.c, denied.
[set denial]
denied
denies
deny
denying
refuted
refutes
rejected
rejects
dismissed

# Before a plural of a happening: one episode ("the twin blasts").
[set episode]
twin
two
three
coordinated
simultaneous
both
separate

# Before a plural: a habit, not an episode ("the constant bombings").
[set habitual]
constant
continuous
continual
daily
nightly
weekly
systematic
indiscriminate
sporadic

# Before "to" and a trigger: it began, so it happened ("started to
# attack"), unlike a plan or a threat ("vowed to attack").
[set inception]
began
started

# "attempted to kidnap", "foiled an attempt to kidnap": an attempt that was
# made is the happening it aimed at (MUC's attempted incidents; ACLED
# codes the attack that took place).
[set attempt]
attempted
attempt
tried

# Verbs that keep a bomb from going off: "defused 40 bombs" names no blast.
[set disrupt_verb]
defused
deactivated
dismantled
disarmed

# "repelled an attack": the attacked fought back, a clash.
[set repel]
repelled
repulsed
repel
repulse

# Before a plural: its habits ("its attacks").
[set possessive]
its
their

# A perfect verb before a trigger whose subject is a whole war counts all
# of it: "violence has killed 4,000" (cumulative).
[set perfect]
has
have
had

[set whole_conflict]
violence
fighting
conflict
war
insurgency
unrest
crisis
clashes
attacks
bombings
airstrikes
hostilities
campaign
uprising
rebellion
bloodshed

# Targets that are sites (a building, a camp, a vehicle, a post), not
# people: named again with "the" ("attacked a camp ..." then "shelled the
# Zamzam camp"), they tell more of the same happening (events.c
# names_its_target).  People ("the soldiers", "the villagers") are named
# again in every report of a region's fighting.
[set target_site]
mosque
church
market
school
hospital
shrine
temple
synagogue
bus
camp
hotel
restaurant
cafe
cemetery
base
convoy
checkpoint
outpost
barracks
garrison
airport
airbase
headquarters

# What an attack hit decides its type: civilians or a civilian place make
# it violence against civilians, a military target a clash.
[set civilian_target]
civilians
civilian
mosque
church
market
school
concert
worshippers
wedding
hospital
village
villagers
shrine
temple
synagogue
bus
passengers
students
pilgrims
funeral
mourners
crowd
shoppers
residents
homes
camp
refugees
journalists
venue
hotel
restaurant
cafe
children
women
farmers
herders
miners
teachers
cemetery
burial
gathering
ceremony
procession
people
traders
merchants
workers
travellers
travelers
motorists
drivers
fishermen
herdsmen

[set military_target]
base
bases
troops
soldiers
forces
convoy
checkpoint
post
outpost
patrol
army
military
barracks
police
policemen
officers
garrison
positions
position
airport
airbase
headquarters
militants
fighters
rebels
guerrillas
guerrilla
terrorists
subversives
insurgents
combatants
# the state's units and formations, named as a target ("an attack on an
# army unit", "ambushed a police column")
unit
units
brigade
brigades
battalion
battalions
detachment
detachments
regiment
regiments
guard
guardsmen
soldier
policeman
quarters
column
columns
platoon

# A target of an attack on civilians that makes it a clash after all.
[set armed_target]
troops
soldiers
convoy
checkpoint
base
patrol

# Who acted: a crowd (its burning is a riot), a mob, and a crowd stopped
# by force (a protest with intervention).
[set crowd]
protesters
demonstrators
rioters
crowd

[set mob_word]
mob

[set dispersal]
dispersed
disperse
tear

# The attackers named back ("the assailants arrived ..."): more of the
# happening told before, unless "also", "later", "another" ...
[set attacker]
assailants
attackers
attacker
gunmen
gunman
militants
bomber
bombers
raiders
kidnappers
abductors
insurgents
jihadists
shooter
shooters
assailant

# Words that open a subordinate clause: its subject is the doer, nothing
# named before it ("the mayor died when gunmen attacked").
[set subordinator]
when
after

# Words that join two verbs of one subject ("troops sealed off the market
# and, after ..., shot three traders"): before a subordinate aside, they
# send the search for the doer past the aside to the first verb's subject.
[set coordinator]
and
then
as
while
because
before
where

[set sequel]
also
later
then
again
another
second
third
fourth
fifth
other

# "killed" or "killing" alone needs a place or a date to be a happening.
[set kill_verb]
killed
killing

# A raid in which people were arrested: the arrests are the event.
# A death or injury its clause puts down to an accident or a disaster is
# no violence ("killed in an airplane accident", "the crash killed 120",
# "drowned when the boat capsized"); explosions keep their events.
[set accident]
accident
accidents
accidental
accidentally
crash
crashed
crashes
collision
collided
capsized
derailed
drowned
electrocuted
landslide
earthquake

# Non-state fighters named by a common noun: a raid they make is an
# attack, one by nobody named or by the state's forces a search (events.c).
[set irregular_force]
rebels
rebel
guerrillas
guerrilla
terrorists
terrorist
subversives
insurgents
bandits
looters
robbers

[set raid_word]
raid
raids
raided
raiding
raider
raiders

# Nouns before "of the <trigger>" that look back at a happening rather
# than tell one: "survivors of the massacre", "the anniversary of the
# bombing".
[set aftermath]
survivors
victims
relatives
families
anniversary
anniversaries
memory
memorial
commemoration
commemorations
remembrance

# Words of a toll that restates the dead ("the toll rose to 21").
[set toll]
toll
total


# ---- who did it ----

# Words for a state's forces and weapons after its name or demonym: "US
# special forces", "Turkish jets", "a Russian missile strike".
[set state_forces]
military
army
troops
forces
special
soldiers
police
policemen
jets
warplanes
aircraft
drones
drone
navy
commandos
marines
airstrikes
airstrike
strikes
strike
artillery
gunboats
warships
paratroopers
gendarmes
security
missile
missiles
rocket
rockets
air
shelling
bombardment

# Common nouns for a state's forces: as the doer ("soldiers opened fire",
# "the army bombed") they are the forces of the country the report is
# about (or of the demonym before them); police ones are its police.
[set force_noun]
army
troops
soldiers
soldier
military
forces
navy
marines
paratroopers
commandos
guardsmen
police
policemen
policeman
gendarmes

# The state's forces named by common nouns after "by" ("bombed by the air
# force", "shot by soldiers", "killed by a military patrol"): the doer,
# the forces of the country the report is about (police_noun: its police).
[set by_forces]
army
troops
soldiers
soldier
military
armed forces
security forces
government forces
government troops
air force
military plane
military planes
military aircraft
warplanes
military patrol
army patrol
navy
marines
paratroopers
national guard
police
policemen
policeman
police officers
national police

# A part or members of a force before "of": "a column of Shining Path
# guerrillas attacked", "members of the armed forces killed": the force
# named after "of" is the doer, not what was hit.
[set member_noun]
members
member
column
columns
unit
units
squad
squads
detachment
detachments
band
cell
cells
contingent
platoon
patrol
elements

[set be_passive]
was
were
been
being
is
are

[set police_noun]
police
policemen
policeman
gendarmes

# Prepositions before a name that make it the target, not the doer: "an
# attack on Nigerian troops".
[set target_prep]
on
against
targeting
of
at
with
by

# Prepositions before a country that make it a place, not the doer.
[set place_prep]
in
near
of
from
to
on
at

# "the group", "the militants" claimed: the armed group named most.
[set group_noun]
group
militants
jihadists
insurgents
guerrillas
rebels
terrorists
subversives
extremists

# Who "claimed" it or "took credit for" it is its perpetrator.
[set claim]
claim
claimed
claiming
claimant
claimer
took credit

# After a trigger, before the other side: "attacked an SDF checkpoint",
# "clashes with", "fighting between".
[set object_prep]
on
against
targeting
with
between
at
from

# Who is blamed: "blamed the attack on X", "attributed it to X", "accused
# X of"; the prepositions that name X.
[set blame]
blamed
blames
blaming
blame
attributed
attributes
attributing
accused
accuses
accusing

[set accuse]
accused
accuses
accusing

[set blame_prep]
on
to

# The head nouns of a common noun phrase that names who was blamed when no
# named group is ("attributed to the drug mafias", "blamed it on death
# squads"); with group_noun and attacker
[set blamed_noun]
mafia
mafias
cartel
cartels
traffickers
gang
gangs
rings
squads
squad
paramilitaries

# After "claimed": the doer's own word ("claimed responsibility for").
[set responsibility]
responsibility
credit
authorship

# Words after a doer that tie it to a happening told elsewhere: "X carried
# out the attack", "X was responsible for".
[set doer_cue]
carried out
perpetrated
responsible
were behind
was behind

# Words that make who did it a suspicion: "suspected rebels", "presumably
# by", "allegedly".
[set suspicion]
suspected
suspect
presumably
presumed
apparently
allegedly
alleged
believed
probably
possibly


# ---- when and where ----

# "Somalia's capital", "the capital of Somalia".
[set capital]
capital

# A settlement named back: "in the town", "in the city".
[set settlement]
town
city
village


# ---- tolls ----

# the counted noun of a figure that counts the dead whatever its verb:
# "twelve bodies were found", "the corpses of 9 men"
[set dead_noun]
bodies
corpses

# Things a figure next to a lethal word may count that are no victims:
# "fired a dozen shots at him, killing him", "three bombs killed two".
[set not_victim]
shots
bullets
rounds
rockets
missiles
mortars
shells
bombs
grenades
mines
explosives
devices
vehicles
cars
buildings
houses
homes

# Nobody killed or hurt: "no casualties", "without causing", "nobody was".
[set none_word]
no
without
nobody

[set death_word]
killed
deaths
died
fatalities
casualties

[set hurt_word]
hurt
injured
injuries
wounded
casualties

# "a woman was killed", "was beheaded": one dead.
[set killed_passive]
killed
beheaded
executed
murdered
assassinated
slain

# "a guard was shot dead", "shot to death", "was found dead": the verb
# and the words after it that tell one dead without killed_passive's verb
[set shot_verb]
shot

[set dead_state]
dead

[set death_noun]
death

# Triggers whose object or "of" names the dead: "killed a policeman",
# "the murder of the mayor and his driver".
[set lethal]
bodies
body
dead
killed
killing
murder
murdered
murders
assassination
assassinated
assassinations
massacre
massacred
slain
executed

# Determiners of a victim: "his driver", "their son".
# A noun of a crime that, with "of" and a bare plural after it, names a
# kind of crime rather than one happening ("the murder of activists",
# "the kidnapping of stockbreeders"; events.c generic_victims).
[set crime_noun]
murder
murders
killing
killings
kidnapping
kidnappings
abduction
abductions
massacre
massacres
assassination
assassinations
disappearance
disappearances

# Words of a discovery: "the bodies of three farmers were found" is a
# killing (trigger guard body_found).
[set found_word]
found
discovered
recovered

# One person named by a pronoun after a lethal or hurting verb: "killing
# him instantly" ("her" is a victim_det: "killing her", "killing her son").
[set one_pronoun]
him

[set victim_det]
the
his
her
their

# Verbs whose object names the hurt: "wounding two guards", "the gunmen
# also wounded his son".
[set hurting]
wounded
wounding
injured
injuring
maimed
maiming

# "a policeman was wounded": one hurt.
[set hurt_passive]
wounded
injured
hurt

# How badly, between "was" and the hurt: "was seriously wounded".
[set hurt_degree]
seriously
critically
gravely
badly
slightly
lightly
severely
mortally

# The words the rules of stated_casualties (events.c) start from: "beaten
# to death", "a guard was killed", "wounding a nurse", "the mayor died",
# "was found dead". The gate (casualty_words) reads a clause for them in
# one pass, and a rule whose word the clause lacks reads none of its tokens.
[table casualty_cue: cue]
to          to_death
was         was_passive
wounding    hurting
injuring    hurting
died        died
found       found_dead

# The words the toll readers (events.c casualties, take_victims,
# stated_casualties, victims_before) start from, with a figure that a
# claim measures: a sentence with none of them is not read for a toll
# (orphan_tolls: most sentences after an event tell none).  casualty_cue's
# "to", "was" and "found" are read only before one of these; its
# "wounding", "injuring" and "died" are in hurting and death_word.
[union toll_start: killed_passive shot_verb dead_state death_noun hurt_passive hurting death_word hurt_word claims.outcome_noun]

# One person: "a police officer".
[set one_word]
a
an
one

# How far back a report tells news, in days: a happening dated before the
# report by more than "history" is background told to explain (it is no
# event of its own); when the report tells a happening of the last "news"
# days, one dated further back is background too.
[constants horizon: days]
news       90
history    365
# a toll counted over more days than tally_span ("9,000 since 2011"), or
# over more than running_span up to the report's day ("40 have been killed
# in the region this month"), is a tally: no event's toll
tally_span    31
running_span  7
# a happening the text dates only to a span longer than happening_span
# ("so far this year", "last year", "for the past three years") is a
# tally or a habit over that span, not one happening ACLED could code
happening_span  31

# The country a report is about is its dateline's, unless the text names
# another country (its places, its demonym, its armed groups and forces)
# more than once and the dateline's not at all, or "outnumbered" times as
# often as the dateline's or more: a report filed from one capital about
# killings in another country (events.c report_country).
[constants report_country: times]
outnumbered  3

# A happening told again without a day of its own, more than "gap"
# sentences after the sentence that first told the nearest happening of
# its kind there, is that one retold (the body retelling the lead); one
# told nearer is the next of a list ("a bomb exploded at the bank ... a
# bomb exploded at the bus station") (events.c emit).
[constants retelling: sentences]
gap  3

# A toll of at least "undated" dead, told without the day it happened, is
# a tally over months or years ("killed hundreds of union leaders", "a war
# that killed 70,000"), not one happening: no event.
[table tally: dead]
undated    200
