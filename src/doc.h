/*
 * doc.h -- the private body of sitrep_doc, shared by the per-article stages
 * (clean, analyse, report).  Everything of one document lives in its arena
 * or in the few growable arrays below; freeing the document frees it all.
 */
#ifndef SITREP_DOC_H
#define SITREP_DOC_H

#include "core/core.h"
#include "core/dates.h"

/* A non-blank input line, trimmed.  Scraped articles put one paragraph on
 * a line; `para` numbers blank-line separated groups. */
typedef struct sr_line {
    uint32_t start, end;   /* trimmed byte range */
    uint32_t para;         /* paragraph number (blank lines separate) */
    uint16_t words;        /* whitespace-separated words, at most SR_MANY_WORDS */
    uint8_t drop;          /* 0 = article text, else sitrep_drop_reason */
    uint8_t flags;         /* SR_LINE_* */
} sr_line;

/* From this offset of src on (up to the next step), input offset = src
 * offset + delta. */
typedef struct sr_decode_step {
    uint32_t at;
    int32_t delta;
} sr_decode_step;

typedef struct sr_dropped {
    sitrep_span span;
    uint8_t reason;        /* sitrep_drop_reason */
} sr_dropped;

#define SR_MANY_WORDS 31 /* more than any rule asks about (headlines: 30) */

enum {
    SR_LINE_HEADING = 1u << 0,  /* a headline-like line kept as a heading */
    SR_LINE_PROSE = 1u << 1,    /* reads as sentences of article text */
    SR_LINE_HEADLIKE = 1u << 2, /* 2-30 words without a final period */
    SR_LINE_ELLIPSIS = 1u << 3, /* ends with "..." (a truncated teaser) */
    SR_LINE_INLINE = 1u << 4,   /* a web page's text run continuing the previous line's block
                                 * (the same paragraph, past an inline tag) */
    SR_LINE_UNLISTED = 1u << 5  /* dropped but not listed in `dropped`: a web page's chrome
                                 * (menus and buttons: links and a word or two) */
};

struct sitrep_doc {
    sr_arena arena;
    const sitrep_mem *mem;
    char *id;
    const char *src;            /* the text the stages read: the input, or for a web page whose
                                 * text holds character references, a copy with them decoded */
    size_t len;
    const char *input;          /* the input as given (spans are written against it) */
    size_t input_len;
    void *owned;                /* freed with the document, may be NULL */
    char *decoded;              /* src when it is a copy: references decoded, or case restored
                                 * (truecase.h); freed with the document */
    sr_buf decode_map;          /* sr_decode_step: src offsets back to input offsets */

    char *title;
    char *outlet;
    char *url;
    char *language;             /* as the page declares it, or NULL */
    bool html;                  /* a web page: its text holds character references */
    uint8_t caseless;           /* SR_CASE_* (analyse/truecase.h): the text was in capitals or
                                 * lower case, and src is a copy given the case of prose */
    char *published;            /* "YYYY-MM-DD" */
    char *published_inferred;
    char *published_basis;
    bool published_borrowed;    /* published_inferred is another article's (its story's), not
                                 * read from this one */
    char *byline[8];
    size_t nbyline;

    sr_buf lines;               /* sr_line */
    sr_buf dropped;             /* sr_dropped: the dropped lines merged, in order */
    sr_buf inserts;             /* uint32_t: a space goes before this byte */
    sr_buf tokens;              /* sitrep_token */
    sr_buf sentences;           /* sitrep_sentence */
    sr_buf entities;            /* sr_entity (analyse/entities.h) */
    sr_buf mentions;            /* sitrep_mention, in input order */
    sr_buf times;               /* sr_time (analyse/times.h) */
    sr_buf figures;             /* sr_figure (analyse/figures.h) */
    sr_buf claims;              /* sr_claim (analyse/claims.h) */
    sr_buf fig_claim;           /* int32_t per figure: its claim, or -1 */
    sr_buf events;              /* sr_event (analyse/events.h) */
    sr_buf wordinfo;            /* sr_wordinfo per token (analyse/wordinfo.h), for times and figures */
};

/* Stage entry points, in pipeline order (src/pipeline.c calls them). */
sitrep_status sr_clean_lines(sitrep_doc *doc);
/* The input offset of an offset into doc->src (they differ only after a
 * web page's character references were decoded). */
uint32_t sr_doc_input_pos(const sitrep_doc *doc, uint32_t pos);

/* The dropped lines as merged spans (doc->dropped), once cleaning is done. */
sitrep_status sr_doc_index_dropped(sitrep_doc *doc);
sitrep_status sr_tokenize(sitrep_doc *doc);
sitrep_status sr_describe(sitrep_doc *doc);
sitrep_status sr_entities(sitrep_doc *doc);
/* Claims and events from the entities, times and figures found before
 * (analyse/claims.c, analyse/events.c); `anchor` is the document date. */
sitrep_status sr_claims_events(sitrep_doc *doc, const sr_date *anchor);
/* Tokens of the lines dropped for `reason` (photo captions name places
 * too), appended to `out`; doc->tokens is left as it was. */
sitrep_status sr_tokenize_dropped(sitrep_doc *doc, unsigned reason, sr_buf *out);

/* Adds a byline name, ignoring duplicates and overflow. */
void sr_doc_add_byline(sitrep_doc *doc, const char *s, size_t n);

#endif
