# The cross-article stages (cluster/stories.c, corroborate/corroborate.c).

# What a claim's measure counts when it names an outcome ("militants
# killed", "suspects detained"): the outcome, and the family of figures it
# belongs to (arrested, apprehended and detained count the same people).
[table outcomes: family]
killed        killed
injured       injured
arrested      arrested
apprehended   arrested
detained      arrested
captured      captured
abducted      abducted
displaced     displaced
executed      executed
released      released
rescued       rescued
missing       missing

# Nouns that count anyone ("people killed"): a toll of them and a toll of a
# kind of people ("fighters killed", "passengers killed") may count the same
# dead, so two such figures of one story are compared; two kinds ("leaders
# killed", "perpetrators killed") are not.
[set toll_generic]
people
persons
person
individuals
