/*
 * entities.h -- who and where: the entity and place stage.
 *
 * sr_entities() reads a tokenised document and fills doc->entities (one
 * sr_entity per distinct entity) and doc->mentions (sitrep_mention, in
 * input order).  Knowledge comes from tables compiled at build time: the
 * actor knowledge base and person titles (actors.h), the gazetteer
 * (gazetteer.h), the word classes of data/lex/entities.lex (lex.h) and the
 * usual case of words (lexicon.h).
 */
#ifndef SITREP_ENTITIES_H
#define SITREP_ENTITIES_H

#include "doc.h"

/* One distinct entity of a document. */
typedef struct sr_entity {
    sitrep_entity e;   /* public view; strings in the arena or the tables */
    uint64_t id;       /* identity within the document (see entities.c) */
    uint64_t surname;  /* people: name key of the last name unit, else 0 */
    uint32_t mentions; /* how many mentions */
    uint32_t gaz;      /* places: gazetteer id, else UINT32_MAX */
    int32_t actor;     /* knowledge-base index, else -1 */
    char country[3];   /* storage behind e.country */
    uint8_t role_rank; /* how the role was stated (entities.c: set_role) */
} sr_entity;

sitrep_status sr_entities(sitrep_doc *doc);

#endif
