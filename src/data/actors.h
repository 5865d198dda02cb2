/*
 * actors.h -- the actor knowledge base and the person titles, compiled at
 * build time by tools/mkactors.c from data/actors.tsv and
 * data/person-titles.txt.
 *
 * Names are looked up by their name key (namekey.h): insensitive to case,
 * diacritics, separators and Arabic article particles.  An alias written
 * in capitals in the source ("IS", "ISIS-K", "U.S.") keeps its exact
 * spelling in `exact`: the matcher accepts it only when the text has the
 * same bytes, so "IS" the group is never the verb "is".
 */
#ifndef SITREP_ACTORS_H
#define SITREP_ACTORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Kinds, in the order of sitrep_entity_kind (sitrep.h). */
typedef struct sr_actor {
    const char *name;    /* canonical name */
    uint8_t kind;        /* sitrep_entity_kind */
    char country[3];     /* ISO 3166-1 alpha-2, "" when none */
    int32_t parent;      /* index into sr_actors, -1 when none */
} sr_actor;

typedef struct sr_actor_alias {
    uint64_t key;        /* name key; 0 marks an empty slot */
    uint32_t actor;      /* index into sr_actors */
    const char *exact;   /* case-sensitive spelling, or NULL */
} sr_actor_alias;

typedef struct sr_title {
    uint64_t key;        /* name key of the title; 0 marks an empty slot */
    const char *text;    /* the title as written in the source list; NULL for an
                          * entry that is only the start of a longer title */
    uint8_t lower;       /* written in lower case ("spokesman"): a role noun */
} sr_title;

extern const sr_actor sr_actors[];
extern const uint32_t sr_actor_count;
extern const sr_actor_alias sr_actor_aliases[]; /* open addressing, sr_actor_alias_mask + 1 slots */
extern const uint32_t sr_actor_alias_mask;
extern const sr_title sr_titles[];              /* open addressing, sr_title_mask + 1 slots */
extern const uint32_t sr_title_mask;
extern const uint8_t sr_title_max_units;        /* the longest title, in units */

#endif
