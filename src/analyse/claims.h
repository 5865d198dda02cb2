/*
 * claims.h -- attributed, dated figures: what a number counts, whose it
 * is, where, when, and who says so.
 *
 * sr_find_claims() turns each figure of the document (figures.h) that
 * counts something into a claim: its measure normalised ("killing 44 IS
 * militants" -> "militants killed"), its actor ("IS"), the places of its
 * phrase ("in both countries" -> the two countries just named), its
 * period (the time expression of its clause or sentence) and its source
 * ("CENTCOM said", "according to", "he said" -> the person named before).
 * A figure stated twice in the article (a lead and a body sentence) is
 * one claim with two spans.
 */
#ifndef SITREP_CLAIMS_H
#define SITREP_CLAIMS_H

#include "doc.h"
#include "analyse/context.h"
#include "core/dates.h"

#define SR_CLAIM_SPANS 6
#define SR_CLAIM_PLACES 4

typedef struct sr_claim {
    char measure[48];            /* normalised, lower case: "attacks", "militants killed", "usd" */
    double low, high;
    uint8_t qualifier;           /* sr_qualifier */
    uint8_t nplaces, nspans;
    uint8_t future;              /* the sentence speaks of the future ("expected to", "will") */
    int32_t actor;               /* doc entity index, -1 when unknown */
    uint32_t actor_start, actor_end; /* words naming an actor that is no entity ("Ryanair",
                                      * "the FMLN" in text the entities missed); equal when none */
    const char *actor_text;      /* those words, NUL-terminated (the document's arena), or NULL */
    int32_t source;              /* doc entity index of who says so, -1 */
    uint32_t source_start, source_end; /* words naming a source that is no entity
                                        * ("U.S. defense official"); equal when none */
    const char *source_text;     /* those words, NUL-terminated (the document's arena), or NULL */
    int32_t places[SR_CLAIM_PLACES]; /* doc entity indexes */
    sr_date from, to;            /* period, both inclusive; from.year == 0 when unknown */
    sr_date said;                /* the day the source spoke ("said on Wednesday"), year 0 if none */
    uint32_t figure[SR_CLAIM_SPANS];     /* doc->figures index of each statement */
    uint32_t span_start[SR_CLAIM_SPANS]; /* the sentence of each statement */
    uint32_t span_end[SR_CLAIM_SPANS];
} sr_claim;

/* Appends the document's claims to `out` (an sr_buf of sr_claim) in text
 * order of their first statement; `fig_claim` (an sr_buf of int32_t) gets,
 * for every figure, the index of its claim or -1.  `anchor` is the
 * document date (year 0 when unknown). */
sitrep_status sr_find_claims(const sr_context *c, const sr_date *anchor, sr_buf *out, sr_buf *fig_claim);

/* Gives every claim of doc->claims whose source is named by words, not an
 * entity, those words as source_text (in the document's arena), a common
 * noun opening its sentence in lower case ("Police said" -> "police"); and
 * likewise actor_text to an actor named by words. */
sitrep_status sr_claim_source_texts(sitrep_doc *doc, const sr_context *c);

#endif
