/*
 * corpus.h -- the private body of sitrep_corpus: what many documents say
 * together.  The corpus copies what it keeps from each document (names,
 * quotes), so documents can be freed as soon as they are added; merging is
 * by identity keys, so the result does not depend on the order of adding.
 */
#ifndef SITREP_CORPUS_H
#define SITREP_CORPUS_H

#include "core/core.h"

/* One entity across documents. */
typedef struct sr_centity {
    uint64_t key;            /* identity: kind, folded name, country */
    sitrep_entity_kind kind;
    const char *name;
    char country[3];
    const char *parent;
    const char *role;        /* the role stated by the first document (by id) */
    const char *role_doc;
    const char *admin1, *admin1_code, *feature;
    double lat, lon;
    uint32_t nmentions;
} sr_centity;

typedef struct sr_cmention {
    uint32_t entity;
    const char *doc;         /* document id (arena) */
    uint32_t start, end;
    const char *quote;       /* the bytes [start, end) of the document (arena) */
    uint32_t quote_len;
} sr_cmention;

/* A time expression or figure kept for the mention records (--mentions). */
typedef struct sr_cexpr {
    uint8_t type;            /* SR_CEXPR_TIME or SR_CEXPR_FIGURE */
    const char *doc;
    uint32_t start, end;
    const char *quote;       /* interned */
    uint32_t quote_len;
    char from[11], to[11];   /* time: the interval, "" unresolved */
    const char *precision, *kind; /* time: static names */
    char duration[16];       /* time: ISO duration or "" */
    double low, high;        /* figure */
    const char *qualifier;   /* figure: static name */
    char unit[12];           /* figure: "" for a count */
    const char *measure;     /* figure: interned, or NULL */
} sr_cexpr;

enum { SR_CEXPR_TIME = 1, SR_CEXPR_FIGURE = 2 };

/* A quoted span of a claim or event. */
typedef struct sr_cspan {
    uint32_t owner;          /* index of its claim or event */
    const char *doc;
    uint32_t start, end;
    const char *quote;       /* the bytes [start, end) (arena) */
    uint32_t quote_len;
} sr_cspan;

/* A claim of one document (CONTRACT.md `claim`). */
typedef struct sr_cclaim {
    const char *doc;
    uint32_t first;          /* start of its first span, for order and identity */
    const char *measure, *qualifier, *actor, *attributed_to;
    const char *places[4];
    char place_countries[4][3];
    uint8_t nplaces;
    double low, high;
    char from[11], to[11];
} sr_cclaim;

/* An event of one document (CONTRACT.md `event`). */
typedef struct sr_cevent {
    const char *doc;
    uint32_t first;
    const char *type, *sub, *precision;
    char from[11], to[11];
    const char *actors[5];
    uint8_t nactors;
    const char *location, *admin1;
    char country[3];
    double lat, lon;
    int has_fat, has_inj;
    double fat_low, fat_high, inj_low, inj_high;
    const char *fat_q, *inj_q;
} sr_cevent;

struct sitrep_corpus {
    const sitrep_mem *mem;
    sr_arena arena;
    sr_buf entities;         /* sr_centity */
    sr_buf mentions;         /* sr_cmention */
    uint32_t *slots;         /* open addressing: entity index + 1, 0 empty */
    size_t nslots;
    const char **quotes;     /* interned quotes: a surface form is kept once */
    size_t nquotes, nqslots;
    size_t ndocs;
    sr_buf exprs;            /* sr_cexpr, when mention records are kept */
    sr_buf claims;           /* sr_cclaim */
    sr_buf claim_spans;      /* sr_cspan */
    sr_buf events;           /* sr_cevent */
    sr_buf event_spans;      /* sr_cspan */
};

#endif
