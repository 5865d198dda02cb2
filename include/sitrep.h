/*
 * sitrep.h -- public API of libsitrep.
 *
 * sitrep turns raw news articles into a sourced situation picture.  The
 * library is a one-way pipeline: read -> clean -> analyse -> (cluster ->
 * corroborate -> store -> report).  This header is the only one callers
 * include; every struct behind a handle is private.
 *
 * OWNERSHIP RULE (the whole library follows it):
 *   - A function named sitrep_X_new / sitrep_X_open / sitrep_X_from_*
 *     gives the caller a new object; the caller frees it with sitrep_X_free.
 *   - A function that takes an object pointer only *borrows* it.
 *   - Every pointer an accessor returns (strings, token arrays) is borrowed
 *     from the object it came from and stays valid until that object is
 *     freed.  Strings are NUL-terminated UTF-8.
 *   - Input bytes handed to sitrep_doc_from_memory are borrowed, never
 *     copied or modified: the caller keeps them alive until the document
 *     is freed.  Documents produced by a reader own their bytes.
 *
 * OFFSETS: every span is a pair of byte offsets [start, end) into the
 * original input of its document (the file as read, or the decoded `text`
 * or `html` field of a JSON Lines record).  Cleaning never rewrites those bytes; it
 * only decides which spans are article text.  One exception, made safe:
 * a web page whose text holds character references ("army&#8217;s") is
 * read through a copy with them decoded (sitrep_doc_analysed_text), and
 * the offsets the sitrep_doc_* accessors give (tokens, sentences,
 * mentions, claim and event spans) are into that copy;
 * sitrep_doc_input_offset() maps one back.  Everything written as JSON
 * (documents, corpus records) is mapped back to the page's bytes.
 *
 * ERRORS: functions return a sitrep_status; sitrep_strerror() names it.
 * The library never prints and keeps no global state.
 */
#ifndef SITREP_H
#define SITREP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define SITREP_EXPORT __attribute__((visibility("default")))
#else
#define SITREP_EXPORT
#endif

#define SITREP_VERSION "0.1.0"

/* ---- status ------------------------------------------------------------ */

typedef enum sitrep_status {
    SITREP_OK = 0,
    SITREP_DONE,          /* a reader has no more input (not an error) */
    SITREP_ENOMEM,        /* an allocation failed */
    SITREP_EIO,           /* a file could not be opened or read */
    SITREP_EARG,          /* a bad argument */
    SITREP_EEMPTY,        /* the input holds no text */
    SITREP_EBINARY,       /* the input is binary, not text */
    SITREP_EUTF8,         /* the input is not valid UTF-8 */
    SITREP_ETOOBIG,       /* the input exceeds the configured size limit */
    SITREP_EJSON,         /* a JSON record is malformed or lacks a text */
    SITREP_EFORMAT,       /* the input is malformed (a corrupt WARC record) or its format not recognised */
    SITREP_EBUSY,         /* a store: another process holds the database (an ingest that made no progress) */
    SITREP_EFULL,         /* a store: the disk or the file-size limit is full; the open batch was not stored */
    SITREP_EDB            /* a store: any other database failure (I/O error, damaged, not a database,
                           * cannot be opened); sitrep_store_message() names it */
} sitrep_status;

/* Returns a static, human-readable description of `status`. */
SITREP_EXPORT const char *sitrep_strerror(sitrep_status status);

/* Returns the static library version string. */
SITREP_EXPORT const char *sitrep_version(void);

/* ---- allocator ---------------------------------------------------------- */

/* All memory the library takes goes through one of these.  A NULL
 * `sitrep_mem *` anywhere means the C library's malloc family. */
typedef struct sitrep_mem {
    void *(*calloc)(size_t nmemb, size_t size);
    void *(*realloc)(void *ptr, size_t size);
    void (*free)(void *ptr);
} sitrep_mem;

/* ---- options ------------------------------------------------------------ */

typedef struct sitrep_options {
    const sitrep_mem *mem;      /* borrowed; NULL for malloc */
    size_t max_input_bytes;     /* largest article or JSONL line accepted; 0: 16 MiB */
    unsigned skip;              /* SITREP_SKIP_* analyses not to run; 0 runs them all */
    unsigned json_flags;        /* SITREP_JSON_* of the document records a corpus writes */
    /* Asked with each input's id and the bytes that would be analysed
     * (a file, a JSON Lines record's text, a WARC record's page, a feed
     * item), before any analysis; false passes it by silently: a reader
     * goes on to the next input, sitrep_doc_from_memory returns
     * SITREP_DONE without a document.  NULL: every input.  A store uses
     * it to pass by articles it holds (sitrep_store_has). */
    bool (*want)(const char *id, const char *bytes, size_t len, void *ctx);
    void *want_ctx;             /* passed to want */
} sitrep_options;

enum {
    SITREP_SKIP_ENTITIES = 1u << 0, /* no entities or places (sitrep_doc_entity_count is 0) */
    SITREP_SKIP_TIMES = 1u << 1,    /* no time expressions */
    SITREP_SKIP_FIGURES = 1u << 2,  /* no figures */
    SITREP_SKIP_CLAIMS = 1u << 3    /* no claims or events */
};

/* Fills `opts` with defaults (malloc, 16 MiB per article). */
SITREP_EXPORT void sitrep_options_init(sitrep_options *opts);

/* ---- output callback ---------------------------------------------------- */

/* Receives output bytes; returns 0 to go on, non-zero to stop with EIO. */
typedef int (*sitrep_write_fn)(const char *data, size_t len, void *ctx);

/* ---- documents ---------------------------------------------------------- */

typedef struct sitrep_doc sitrep_doc;

/* Hints a container format may carry next to the text (all optional,
 * borrowed, NUL-terminated; NULL when absent). */
typedef struct sitrep_doc_hints {
    const char *url;
    const char *title;
    const char *published;   /* any date form the date finder reads */
    const char *outlet;
} sitrep_doc_hints;

/* Analyses one article held in memory: cleaning, metadata, sentences and
 * tokens.  `bytes` is borrowed (see the ownership rule); `id` and `hints`
 * are copied.  On success *out is a new document the caller frees with
 * sitrep_doc_free.  Fails with EEMPTY, EBINARY or EUTF8 on such input,
 * ETOOBIG past opts->max_input_bytes (0: the default), and EARG when `id`
 * is not valid UTF-8.  A hint that is not valid UTF-8 is ignored. */
SITREP_EXPORT sitrep_status sitrep_doc_from_memory(const char *id,
                                                   const char *bytes,
                                                   size_t len,
                                                   const sitrep_doc_hints *hints,
                                                   const sitrep_options *opts,
                                                   sitrep_doc **out);

/* Frees a document and everything it owns.  NULL is a no-op. */
SITREP_EXPORT void sitrep_doc_free(sitrep_doc *doc);

/* The document id (file name without extension, or a record's id). */
SITREP_EXPORT const char *sitrep_doc_id(const sitrep_doc *doc);

/* The original input bytes; *len receives their length.  Borrowed. */
SITREP_EXPORT const char *sitrep_doc_source(const sitrep_doc *doc, size_t *len);

/* The text the analysis read, which the accessors' offsets point into:
 * the input itself, or for a web page with character references a copy
 * with them decoded.  Borrowed. */
SITREP_EXPORT const char *sitrep_doc_analysed_text(const sitrep_doc *doc, size_t *len);

/* The input offset of an offset into sitrep_doc_analysed_text (the same
 * offset unless references were decoded). */
SITREP_EXPORT size_t sitrep_doc_input_offset(const sitrep_doc *doc, size_t offset);

/* Metadata; each returns NULL when unknown.  Dates are "YYYY-MM-DD". */
SITREP_EXPORT const char *sitrep_doc_title(const sitrep_doc *doc);
SITREP_EXPORT const char *sitrep_doc_outlet(const sitrep_doc *doc);
SITREP_EXPORT const char *sitrep_doc_url(const sitrep_doc *doc);
/* The language a web page declares (<html lang>, Content-Language,
 * og:locale, JSON-LD inLanguage) as written there ("en", "pt-BR"). */
SITREP_EXPORT const char *sitrep_doc_language(const sitrep_doc *doc);
SITREP_EXPORT const char *sitrep_doc_published(const sitrep_doc *doc);
/* Best estimate when published is NULL; *basis (may be NULL) receives a
 * sentence saying how it was inferred. */
SITREP_EXPORT const char *sitrep_doc_published_inferred(const sitrep_doc *doc,
                                                        const char **basis);
SITREP_EXPORT size_t sitrep_doc_byline_count(const sitrep_doc *doc);
SITREP_EXPORT const char *sitrep_doc_byline(const sitrep_doc *doc, size_t i);

/* A byte range [start, end) of the document's input. */
typedef struct sitrep_span {
    uint32_t start;
    uint32_t end;
} sitrep_span;

/* Why a line was removed from the article text. */
typedef enum sitrep_drop_reason {
    SITREP_DROP_NAVIGATION = 1, /* UI words: close, share, menu, sign in */
    SITREP_DROP_SECTION,        /* a section label or kicker above the headline */
    SITREP_DROP_HEADER,         /* date marker, headline and source line */
    SITREP_DROP_BYLINE,         /* By ..., Posted ..., Last updated ... */
    SITREP_DROP_CAPTION,        /* photo caption or credit */
    SITREP_DROP_TEASER,         /* related-story teaser and its timestamp */
    SITREP_DROP_PROMPT,         /* captcha, comment or rating prompt */
    SITREP_DROP_DISCLAIMER,     /* disclaimer, copyright, rights notice */
    SITREP_DROP_TAIL            /* "Check Also"/"Related" block to the end */
} sitrep_drop_reason;

/* Spans removed as boilerplate, in input order. */
SITREP_EXPORT size_t sitrep_doc_dropped_count(const sitrep_doc *doc);
SITREP_EXPORT sitrep_span sitrep_doc_dropped(const sitrep_doc *doc, size_t i,
                                             sitrep_drop_reason *reason);
/* Static lower-case name of a drop reason ("navigation", "teaser", ...). */
SITREP_EXPORT const char *sitrep_drop_reason_name(sitrep_drop_reason reason);

/* Writes the cleaned article text: kept paragraphs joined by a blank line,
 * words glued by bad scraping separated by a space. */
SITREP_EXPORT sitrep_status sitrep_doc_write_text(const sitrep_doc *doc,
                                                  sitrep_write_fn write,
                                                  void *ctx);

/* ---- sentences and tokens ------------------------------------------------ */

typedef enum sitrep_token_kind {
    SITREP_TOK_WORD = 1,   /* letters, with inner - ' . (al-Hol, U.S.) */
    SITREP_TOK_NUMBER,     /* digits with , or . separators (2,500; 3.5) */
    SITREP_TOK_PUNCT,      /* one punctuation or symbol character */
    SITREP_TOK_SYMBOL      /* currency and other symbols ($, %, EUR sign) */
} sitrep_token_kind;

enum {
    SITREP_TOKF_CAP = 1u << 0,      /* first letter upper case */
    SITREP_TOKF_ALLCAPS = 1u << 1,  /* every letter upper case, 2+ letters */
    SITREP_TOKF_REPAIRED = 1u << 2, /* split from a glued word */
    SITREP_TOKF_SENT_START = 1u << 3, /* first token of a sentence */
    SITREP_TOKF_PARA_START = 1u << 4, /* first token of a paragraph */
    SITREP_TOKF_PLAIN = 1u << 5       /* a word of ASCII letters only (no digit,
                                       * hyphen, apostrophe, dot or accent) */
};

typedef struct sitrep_token {
    uint32_t start;   /* byte offsets into the document's input */
    uint32_t end;
    uint16_t kind;    /* sitrep_token_kind */
    uint16_t flags;   /* SITREP_TOKF_* */
} sitrep_token;

/* The tokens of the cleaned text in input order; *count receives how many.
 * The array is borrowed from the document. */
SITREP_EXPORT const sitrep_token *sitrep_doc_tokens(const sitrep_doc *doc,
                                                    size_t *count);

/* A sentence is a run of tokens [first, first + count). */
typedef struct sitrep_sentence {
    uint32_t first;
    uint32_t count;
    sitrep_span span;
} sitrep_sentence;

SITREP_EXPORT const sitrep_sentence *sitrep_doc_sentences(const sitrep_doc *doc,
                                                          size_t *count);

/* ---- entities: who and where --------------------------------------------- */

typedef enum sitrep_entity_kind {
    SITREP_ENTITY_ARMED_GROUP = 1,
    SITREP_ENTITY_ORGANIZATION,
    SITREP_ENTITY_GOVERNMENT,
    SITREP_ENTITY_MILITARY,
    SITREP_ENTITY_PERSON,
    SITREP_ENTITY_PLACE,
    SITREP_ENTITY_MEDIA,
    /* a nationality ("Syrian", "French"): its country is the one it names */
    SITREP_ENTITY_NATIONALITY
} sitrep_entity_kind;

/* "armed_group", "organization", ... as in CONTRACT.md; static string. */
SITREP_EXPORT const char *sitrep_entity_kind_name(sitrep_entity_kind kind);

/* One distinct entity of a document.  Strings are borrowed from the
 * document (or from the library's compiled tables) and NULL when unknown;
 * lat/lon are NaN when unknown. */
typedef struct sitrep_entity {
    sitrep_entity_kind kind;
    const char *name;        /* canonical name */
    const char *country;     /* ISO 3166-1 alpha-2 of the place or actor */
    const char *parent;      /* canonical name of the parent organisation */
    const char *role;        /* people: role as the text states it */
    const char *admin1;      /* places: first-level subdivision name */
    const char *admin1_code; /* places: ISO 3166-2 code ("IQ-AN") */
    const char *feature;     /* places: "country", "ADM1", GeoNames code */
    double lat, lon;         /* places: coordinates */
    uint32_t source;         /* how it was found: SITREP_FOUND_* */
} sitrep_entity;

enum {
    SITREP_FOUND_KB = 1u << 0,        /* the actor knowledge base */
    SITREP_FOUND_GAZETTEER = 1u << 1, /* the gazetteer */
    SITREP_FOUND_LEARNED = 1u << 2,   /* an alias the text defines */
    SITREP_FOUND_PATTERN = 1u << 3,   /* a name pattern (unknown organisation, person) */
    SITREP_FOUND_CONTEXT = 1u << 4    /* a place not in the gazetteer, placed by its context */
};

/* A mention: the bytes that name an entity, and which entity.  A
 * mention may hold more than the name: a person's opens with the title
 * written before it ("Gen. Joseph Votel"), a group's ends with the people
 * it stands for ("ISIL fighters"); `name` is the name itself inside span
 * (the surface form an alias list shows), {0, 0} when it is the span. */
typedef struct sitrep_mention {
    sitrep_span span;
    uint32_t entity;         /* index for sitrep_doc_entity */
    sitrep_span name;
    uint32_t flags;          /* SITREP_MENTION_* */
} sitrep_mention;

/* sitrep_mention.flags */
enum {
    /* A second reading of words: the government of a country that acts,
     * on the span of the country's own mention ("Turkey said"), the
     * state actor a nationality or a country names with a group of people
     * ("Iraqi officials", "U.S. forces"), or the nationality a demonym
     * names ("the Syrian conflict").  The document's mentions hold
     * it; the later stages of one document (claims, events) read the
     * words as the other mentions name them. */
    SITREP_MENTION_READING = 1u << 0
};

/* How many distinct entities the document names. */
SITREP_EXPORT size_t sitrep_doc_entity_count(const sitrep_doc *doc);

/* Fills *out with entity i (< sitrep_doc_entity_count); SITREP_EARG when
 * i is out of range. */
SITREP_EXPORT sitrep_status sitrep_doc_entity(const sitrep_doc *doc, size_t i,
                                              sitrep_entity *out);

/* Every mention in input order; *count receives how many.  Borrowed. */
SITREP_EXPORT const sitrep_mention *sitrep_doc_mentions(const sitrep_doc *doc,
                                                        size_t *count);

/* ---- time expressions and figures ------------------------------------------ */

/* How exactly a time is known, and what kind of time it is. */
typedef enum sitrep_precision {
    SITREP_PRECISION_NONE = 0, /* unknown (an undated event) */
    SITREP_PRECISION_DAY,
    SITREP_PRECISION_WEEK,
    SITREP_PRECISION_MONTH,
    SITREP_PRECISION_QUARTER,
    SITREP_PRECISION_HALF,
    SITREP_PRECISION_YEAR,
    SITREP_PRECISION_DECADE,
    SITREP_PRECISION_SEASON,   /* "spring 2008": its three months (northern) */
    SITREP_PRECISION_FISCAL_YEAR /* "fiscal 2008": the calendar year of its name */
} sitrep_precision;

typedef enum sitrep_time_kind {
    SITREP_TIME_NONE = 0,
    SITREP_TIME_DATE,      /* a day or a period of the calendar */
    SITREP_TIME_DURATION,  /* "for five years" */
    SITREP_TIME_SET,       /* "every week" */
    SITREP_TIME_TIME       /* a time of day */
} sitrep_time_kind;

/* How a figure's value is stated. */
typedef enum sitrep_qualifier {
    SITREP_QUALIFIER_NONE = 0,      /* not stated (an event without that toll) */
    SITREP_QUALIFIER_EXACT,
    SITREP_QUALIFIER_APPROXIMATELY, /* "about", "some", "nearly" */
    SITREP_QUALIFIER_MORE_THAN,
    SITREP_QUALIFIER_AT_LEAST,
    SITREP_QUALIFIER_FEWER_THAN,
    SITREP_QUALIFIER_UP_TO,
    SITREP_QUALIFIER_RANGE          /* "between 30 and 40" */
} sitrep_qualifier;

/* Static names as CONTRACT.md writes them ("day", "fiscal_year", "date",
 * "more_than"); NULL
 * for NONE and for a value out of range. */
SITREP_EXPORT const char *sitrep_precision_name(sitrep_precision precision);
SITREP_EXPORT const char *sitrep_time_kind_name(sitrep_time_kind kind);
SITREP_EXPORT const char *sitrep_qualifier_name(sitrep_qualifier qualifier);

/* A time expression, resolved against the document date (given or
 * inferred).  Strings are static or borrowed from the document. */
typedef struct sitrep_time {
    sitrep_span span;
    char from[11], to[11];   /* its value, TimeML-style, "YYYY-MM-DD" both inclusive; ""
                              * when unresolved: "since 1989" is 1989, "early June" June */
    sitrep_precision precision; /* of the value */
    sitrep_time_kind kind;
    const char *duration;    /* ISO 8601 ("P5Y") for durations, else NULL */
    const char *relation;    /* the word round it that relates the text to it: "since",
                              * "until", "from", "to", "between", "and", "by", "before",
                              * "after"; NULL for none */
    const char *mod;         /* the part of the value a modifier keeps: "start", "mid",
                              * "end"; NULL for none */
    char period_from[11], period_to[11]; /* what it covers with its relation and modifier
                              * ("since 1989": 1989-01-01 to the document date; "early
                              * June": June 1-10); equal to from/to when they add nothing */
} sitrep_time;

/* A figure: a count, an amount of money, a percentage. */
typedef struct sitrep_figure {
    sitrep_span span;
    double low, high;        /* equal for a single value */
    sitrep_qualifier qualifier;
    const char *unit;        /* NULL for a count; "percent", "usd", ... */
    sitrep_span measure;     /* what it counts ("attacks"); start == end when unknown */
} sitrep_figure;

SITREP_EXPORT size_t sitrep_doc_time_count(const sitrep_doc *doc);
/* Fills *out with time expression i; SITREP_EARG when out of range. */
SITREP_EXPORT sitrep_status sitrep_doc_time(const sitrep_doc *doc, size_t i, sitrep_time *out);
SITREP_EXPORT size_t sitrep_doc_figure_count(const sitrep_doc *doc);
/* Fills *out with figure i; SITREP_EARG when out of range. */
SITREP_EXPORT sitrep_status sitrep_doc_figure(const sitrep_doc *doc, size_t i,
                                              sitrep_figure *out);

/* ---- claims and events ------------------------------------------------------ */

/* A claim: a figure attached to what it counts, whose, where, when and
 * according to whom, with every sentence of the article that states it.
 * Strings are static or borrowed from the document; NULL when unknown. */
typedef struct sitrep_claim {
    const char *measure;       /* "attacks", "militants killed", "fighters", "usd", "percent" */
    double low, high;          /* equal for a single value */
    sitrep_qualifier qualifier;
    const char *actor;         /* canonical name of who did or is counted */
    const char *attributed_to; /* canonical name of the source, or its words ("defense official") */
    const char *places[4];     /* canonical place names, place_count of them */
    const char *place_countries[4]; /* ISO 3166-1 alpha-2 of each place, NULL when unknown */
    size_t place_count;
    char period_start[11], period_end[11]; /* "YYYY-MM-DD", "" when unknown */
    char said_on[11];          /* the day the source spoke ("said on Wednesday"), "" if unstated */
    size_t span_count;         /* statements: sitrep_doc_claim_span */
} sitrep_claim;

SITREP_EXPORT size_t sitrep_doc_claim_count(const sitrep_doc *doc);
/* Fills *out with claim i; SITREP_EARG when out of range. */
SITREP_EXPORT sitrep_status sitrep_doc_claim(const sitrep_doc *doc, size_t i, sitrep_claim *out);
/* Statement k (< span_count) of claim i: the sentence, and in *figure the
 * figure's own bytes (may be NULL).  A zero span when out of range. */
SITREP_EXPORT sitrep_span sitrep_doc_claim_span(const sitrep_doc *doc, size_t i, size_t k,
                                                sitrep_span *figure);

/* ACLED's event types, and its sub-event types, each of one event type. */
typedef enum sitrep_event_type {
    SITREP_EVENT_NONE = 0,
    SITREP_EVENT_BATTLES,
    SITREP_EVENT_EXPLOSIONS,            /* "Explosions/Remote violence" */
    SITREP_EVENT_VIOLENCE_CIVILIANS,    /* "Violence against civilians" */
    SITREP_EVENT_PROTESTS,
    SITREP_EVENT_RIOTS,
    SITREP_EVENT_STRATEGIC              /* "Strategic developments" */
} sitrep_event_type;

typedef enum sitrep_sub_event {
    SITREP_SUB_NONE = 0,
    SITREP_SUB_ARMED_CLASH,             /* Battles */
    SITREP_SUB_GOVERNMENT_REGAINS_TERRITORY,
    SITREP_SUB_NON_STATE_ACTOR_OVERTAKES_TERRITORY,
    SITREP_SUB_AIR_DRONE_STRIKE,        /* Explosions/Remote violence */
    SITREP_SUB_SUICIDE_BOMB,
    SITREP_SUB_SHELLING,                /* "Shelling/artillery/missile attack" */
    SITREP_SUB_REMOTE_EXPLOSIVE,        /* "Remote explosive/landmine/IED" */
    SITREP_SUB_GRENADE,
    SITREP_SUB_ATTACK,                  /* Violence against civilians */
    SITREP_SUB_ABDUCTION,               /* "Abduction/forced disappearance" */
    SITREP_SUB_SEXUAL_VIOLENCE,
    SITREP_SUB_PEACEFUL_PROTEST,        /* Protests */
    SITREP_SUB_PROTEST_WITH_INTERVENTION,
    SITREP_SUB_VIOLENT_DEMONSTRATION,   /* Riots */
    SITREP_SUB_MOB_VIOLENCE,
    SITREP_SUB_AGREEMENT,               /* Strategic developments */
    SITREP_SUB_ARRESTS,
    SITREP_SUB_CHANGE_TO_GROUP,         /* "Change to group/activity" */
    SITREP_SUB_HEADQUARTERS,            /* "Headquarters or base established" */
    SITREP_SUB_LOOTING,                 /* "Looting/property destruction" */
    SITREP_SUB_TRANSFER_OF_TERRITORY,   /* "Non-violent transfer of territory" */
    SITREP_SUB_OTHER,
    SITREP_SUB_DISRUPTED_WEAPONS_USE    /* "Disrupted weapons use": a bomb defused */
} sitrep_sub_event;

/* How a report ties an event's perpetrator to it. */
typedef enum sitrep_perp_confidence {
    SITREP_PERP_NONE = 0,               /* no perpetrator */
    SITREP_PERP_REPORTED,               /* told as fact */
    SITREP_PERP_CLAIMED,                /* by itself */
    SITREP_PERP_SUSPECTED,
    SITREP_PERP_ACCUSED                 /* blamed by others */
} sitrep_perp_confidence;

/* ACLED's names ("Battles", "Suicide bomb"), and the type of a sub-event;
 * "reported", "claimed", "suspected", "accused".  Static strings; NULL for
 * NONE and for a value out of range. */
SITREP_EXPORT const char *sitrep_event_type_name(sitrep_event_type type);
SITREP_EXPORT const char *sitrep_sub_event_name(sitrep_sub_event sub);
SITREP_EXPORT sitrep_event_type sitrep_sub_event_type(sitrep_sub_event sub);
SITREP_EXPORT const char *sitrep_perp_confidence_name(sitrep_perp_confidence confidence);

/* An ACLED-style event.  Strings are static or borrowed from the document. */
typedef struct sitrep_event {
    sitrep_event_type event_type;
    sitrep_sub_event sub_event_type;
    char date_start[11], date_end[11]; /* "" when the text gives no date */
    sitrep_precision precision; /* day, week, month or year; NONE without a date */
    const char *actors[5];      /* canonical names, perpetrator first (then its parent
                                 * organisation, then the other side), actor_count of them */
    size_t actor_count;
    const char *location;       /* canonical place name, NULL when unknown */
    const char *country, *admin1; /* ISO 3166-1 alpha-2 and subdivision of the location */
    double lat, lon;            /* NaN when unknown */
    int has_fatalities, has_injured;
    double fatalities_low, fatalities_high, injured_low, injured_high;
    sitrep_qualifier fatalities_qualifier, injured_qualifier; /* NONE when not stated */
    sitrep_span trigger;        /* the words that name it */
    size_t span_count;          /* sentences: sitrep_doc_event_span */
    sitrep_perp_confidence perpetrator_confidence; /* how the report ties actors[0] to it;
                                 * NONE without a perpetrator */
    int date_from_report;       /* 1: the text does not date it; the date is the month up
                                 * to the report's own date (on or before it) */
    int place_from_report;      /* 1: the text does not place it; the location is the
                                 * country the report is about */
} sitrep_event;

SITREP_EXPORT size_t sitrep_doc_event_count(const sitrep_doc *doc);
/* Fills *out with event i; SITREP_EARG when out of range. */
SITREP_EXPORT sitrep_status sitrep_doc_event(const sitrep_doc *doc, size_t i, sitrep_event *out);
/* Sentence k (< span_count) of event i; a zero span when out of range. */
SITREP_EXPORT sitrep_span sitrep_doc_event_span(const sitrep_doc *doc, size_t i, size_t k);

/* ---- output ---------------------------------------------------------------- */

enum {
    SITREP_JSON_TEXT = 1u << 0  /* include the cleaned `text` field */
};

/* Writes the document's `document` record (see CONTRACT.md) as one line of
 * JSON followed by a newline. */
SITREP_EXPORT sitrep_status sitrep_doc_write_json(const sitrep_doc *doc,
                                                  unsigned flags,
                                                  sitrep_write_fn write,
                                                  void *ctx);

/* ---- corpus: what many documents say together ----------------------------- */

typedef struct sitrep_corpus sitrep_corpus;

/* Creates an empty corpus.  `opts` is copied (NULL: defaults).  On success
 * *out is new; free it with sitrep_corpus_free. */
SITREP_EXPORT sitrep_status sitrep_corpus_new(const sitrep_options *opts,
                                              sitrep_corpus **out);

/* Adds what a document says.  The document is borrowed: the corpus copies
 * what it keeps (names, quotes), so the caller may free the document right
 * after.  Adding never re-reads documents added before. */
SITREP_EXPORT sitrep_status sitrep_corpus_add(sitrep_corpus *corpus,
                                              const sitrep_doc *doc);

/* Also keeps the document's time expressions and figures, written as
 * `time` and `figure` mention records after everything else (CONTRACT.md,
 * --mentions).  Borrows the document like sitrep_corpus_add. */
SITREP_EXPORT sitrep_status sitrep_corpus_add_mentions(sitrep_corpus *corpus,
                                                       const sitrep_doc *doc);

/* Finishes the corpus: the stories, the dates of undated articles from
 * their story (such articles are analysed again against that date),
 * claims and events merged across articles, conflicts, trends.  The
 * result does not depend on the order in which documents were added.
 * Documents cannot be added after this; a second call does nothing. */
SITREP_EXPORT sitrep_status sitrep_corpus_finish(sitrep_corpus *corpus);

/* Writes the records of the finished corpus (CONTRACT.md: documents,
 * stories, entities, claims, events, conflicts, trends, then the mention
 * records) as JSON Lines, one write per record.  A corpus not finished yet
 * is finished first (sitrep_corpus_finish). */
SITREP_EXPORT sitrep_status sitrep_corpus_write_json(sitrep_corpus *corpus,
                                                     unsigned flags,
                                                     sitrep_write_fn write,
                                                     void *ctx);

/* Part `part` of `nparts` (0 <= part < nparts) of the records
 * sitrep_corpus_write_json writes, finishing the corpus first: the
 * records are cut into nparts runs of about equal size (their estimated
 * bytes), in order, so
 * the parts written one after the other are those records byte for byte.
 * Corpora made alike (the same snapshots merged on several machines)
 * write their parts in parallel.  The part goes through `write` in blocks
 * of whole records (about 1 MB each), not one call per record. */
SITREP_EXPORT sitrep_status sitrep_corpus_write_json_part(sitrep_corpus *corpus,
                                                          unsigned flags,
                                                          size_t part, size_t nparts,
                                                          sitrep_write_fn write,
                                                          void *ctx);

/* The records of a range of places, for writing a corpus's records on
 * several machines at once, each finishing only what its records need.
 * The records fall into 8 sections in output order (SITREP_SECTIONS:
 * documents, stories, entities, claims, events, conflicts, trends, the
 * mention records); a record's place is its section s plus where its
 * estimated bytes start among its section's, as a fraction f of them:
 * s + f.  Writes the records whose place is in [from, to)
 * (0 <= from <= to <= SITREP_SECTIONS), in order, in blocks of whole
 * records (about 1 MB), so ranges that meet, written one after the other,
 * are the records sitrep_corpus_write_json writes, byte for byte, when
 * their corpora are made alike.  Finishes what the range needs: the
 * stories stage for documents, stories and mention records, the
 * corroboration too for claims, events, conflicts and trends (unless
 * given, sitrep_corpus_add_corroboration), nothing for entities.  Nothing
 * can be added to the corpus after. */
#define SITREP_SECTIONS 8
SITREP_EXPORT sitrep_status sitrep_corpus_write_json_range(sitrep_corpus *corpus,
                                                           unsigned flags,
                                                           double from, double to,
                                                           sitrep_write_fn write,
                                                           void *ctx);

/* Finishes what the records of the range [from, to) of places need, as
 * sitrep_corpus_write_json_range does before writing them, without
 * writing: of the corroboration, only its part of the claims (their
 * merging, the conflicts and trends) for claims, conflicts and trends,
 * only its part of the events (their merging) for events; a later range
 * or sitrep_corpus_finish makes the other part (the records are the same
 * as when both are made at once).  A corpus with a part of its
 * corroboration made takes no corroboration as bytes (SITREP_EARG). */
SITREP_EXPORT sitrep_status sitrep_corpus_finish_range(sitrep_corpus *corpus,
                                                       double from, double to);

/* Finishes the corpus and writes its corroboration (claims and events
 * merged, conflicts, trends: the costly part of finishing) as bytes, in
 * one call of `write`, for sitrep_corpus_add_corroboration; the stories
 * the documents were linked into come first in them. */
SITREP_EXPORT sitrep_status sitrep_corpus_write_corroboration(sitrep_corpus *corpus,
                                                              sitrep_write_fn write,
                                                              void *ctx);

/* Takes the corroboration another corpus made alike wrote (the same
 * snapshots merged in the same order, the same build) instead of making
 * it: loads data[0..len) (borrowed), running the stories stage of
 * finishing on the stories in it (without linking the documents again)
 * unless the corpus ran it already (its stories must be the same).
 * SITREP_EFORMAT for damaged bytes, another build's, or another corpus's
 * (its documents, claims and events are checked), SITREP_EARG when the
 * corpus has its corroboration already (or a part of it:
 * sitrep_corpus_finish_range); the corpus is unchanged then but
 * for its stories stage.  After SITREP_ENOMEM it must be freed, not
 * used. */
SITREP_EXPORT sitrep_status sitrep_corpus_add_corroboration(sitrep_corpus *corpus,
                                                            const void *data, size_t len);

/* The same corroboration in two parts that travel apart, so that a corpus
 * made alike takes the stories (and writes the documents, stories and
 * mention records) while the rest is still being made.
 * sitrep_corpus_write_stories runs the stories stage of finishing (linking
 * the documents into stories, dating: nothing can be added to the corpus
 * after) and writes the stories part in one call of `write`;
 * sitrep_corpus_write_corroboration_rest finishes the corpus and writes
 * the rest (claims and events merged, conflicts, trends), in one call of
 * `write`.  The bytes are the writer's, lent to `write` for the call. */
SITREP_EXPORT sitrep_status sitrep_corpus_write_stories(sitrep_corpus *corpus,
                                                        sitrep_write_fn write, void *ctx);
SITREP_EXPORT sitrep_status sitrep_corpus_write_corroboration_rest(sitrep_corpus *corpus,
                                                                   sitrep_write_fn write,
                                                                   void *ctx);

/* Takes the stories part another corpus made alike wrote
 * (sitrep_corpus_write_stories): loads data[0..len) (borrowed) and runs
 * the stories stage of finishing on them without linking the documents
 * again; a corpus that ran the stories stage already checks that they are
 * its own.  Nothing can be added to the corpus after.  SITREP_EFORMAT for
 * damaged bytes, another build's or another corpus's (nothing is taken
 * then); after SITREP_ENOMEM the corpus must be freed, not used. */
SITREP_EXPORT sitrep_status sitrep_corpus_add_stories(sitrep_corpus *corpus,
                                                      const void *data, size_t len);

/* Takes the rest of the corroboration (sitrep_corpus_write_corroboration_rest)
 * from data[0..len) (borrowed), as sitrep_corpus_add_corroboration takes
 * the whole: the corpus must have its stories (its stories stage run, or
 * sitrep_corpus_add_stories) and no corroboration, else SITREP_EARG;
 * SITREP_EFORMAT for damaged bytes, another build's, or another corpus's
 * (its documents, stories, claims and events are checked); the corpus is
 * unchanged then.  After SITREP_ENOMEM it must be freed, not used. */
SITREP_EXPORT sitrep_status sitrep_corpus_add_corroboration_rest(sitrep_corpus *corpus,
                                                                 const void *data, size_t len);

/* Writes the corpus as it stands, unfinished, as a snapshot: the partial
 * corpus of a shard of articles, which sitrep_corpus_add_snapshot merges
 * into another corpus (on another machine, later) without reading the
 * articles again.  The bytes (compressed) go through `write` in a few
 * calls.  A snapshot is read only by a libsitrep of the same build (other
 * builds refuse it with SITREP_EFORMAT).  SITREP_EARG once finished. */
SITREP_EXPORT sitrep_status sitrep_corpus_write_snapshot(const sitrep_corpus *corpus,
                                                         sitrep_write_fn write,
                                                         void *ctx);

/* The same, the partial corpus compressed with zlib at `level` (1 to 9;
 * sitrep_corpus_write_snapshot is level 1) or, at level 0, stored as it
 * is with a CRC-32: about 4 times the bytes, made and read several times
 * faster, for a snapshot handed to another process of the same run and
 * read once (sitrep.dask's tasks).  sitrep_corpus_add_snapshot reads any
 * level.  SITREP_EARG for a level outside 0 to 9. */
SITREP_EXPORT sitrep_status sitrep_corpus_write_snapshot_level(const sitrep_corpus *corpus, int level,
                                                               sitrep_write_fn write, void *ctx);

/* Adds everything a snapshot holds to the corpus (unfinished), its
 * documents after those added before, as if they had been added there:
 * merging snapshots of shards in the order of the shards, grouped in any
 * way (a tree of merges), gives byte for byte the records of one corpus
 * of all their articles in that order; in another order, the records of
 * the articles in that order (the same wherever the corpus does not
 * depend on the order of its documents).  `data` is borrowed.  SITREP_EFORMAT for
 * damaged bytes or another build's snapshot, SITREP_EARG for a snapshot
 * made with other options (max_input_bytes, skip, json_flags) than the
 * corpus's documents (an empty corpus takes the snapshot's), or without
 * its articles into a corpus that keeps them (sitrep_corpus_keep_articles);
 * the corpus is unchanged then.  After SITREP_ENOMEM it must be freed, not used. */
SITREP_EXPORT sitrep_status sitrep_corpus_add_snapshot(sitrep_corpus *corpus,
                                                       const void *data, size_t len);

/* From now on the corpus keeps each article it is given as a store keeps
 * it (its bytes compressed, its id, title, outlet, url and date), for
 * sitrep_store_add_corpus; its snapshots carry them, and merging keeps
 * them with their documents.  The records are the same either way.  Call
 * it before adding documents (SITREP_EARG after: they would have none). */
SITREP_EXPORT sitrep_status sitrep_corpus_keep_articles(sitrep_corpus *corpus);

/* Frees the corpus.  NULL is a no-op. */
SITREP_EXPORT void sitrep_corpus_free(sitrep_corpus *corpus);

/* ---- store: articles and what they say, in a SQLite database ------------- */

typedef struct sitrep_store sitrep_store;

/* Opens the database at `path`, creating it when missing, and brings its
 * schema to this version of sitrep (a database from a newer sitrep is
 * refused: SITREP_EFORMAT).  `opts` is copied (NULL: defaults).  *out is
 * set even on failure, so that sitrep_store_message() can say why; close
 * it with sitrep_store_close either way. */
SITREP_EXPORT sitrep_status sitrep_store_open(const char *path, const sitrep_options *opts,
                                              sitrep_store **out);

/* Opens the database at `path` to read it only (queries, reports,
 * exports): nothing is created, changed or migrated, so a user without
 * write access can read it.  A missing file is SITREP_EDB ("cannot open
 * it"), a file that is not a sitrep database SITREP_EFORMAT.  *out as for
 * sitrep_store_open; adding to it fails (SITREP_EDB, read-only). */
SITREP_EXPORT sitrep_status sitrep_store_open_read(const char *path, const sitrep_options *opts,
                                                   sitrep_store **out);

typedef enum sitrep_store_outcome {
    SITREP_STORE_ADDED = 0, /* a new article, added to the open batch */
    SITREP_STORE_KNOWN,     /* stored already with the same bytes: nothing changes */
    SITREP_STORE_ID_TAKEN   /* another article is stored under this id: not added */
} sitrep_store_outcome;

/* Adds an analysed document to the open batch (the first add after a
 * commit opens one).  The document is borrowed.  `outcome` (may be NULL)
 * says whether it was added.  Articles stored before are not read again. */
SITREP_EXPORT sitrep_status sitrep_store_add(sitrep_store *store, const sitrep_doc *doc,
                                             sitrep_store_outcome *outcome);

/* Told of each article sitrep_store_add_corpus meets, with its outcome. */
typedef void (*sitrep_store_article_fn)(const char *id, sitrep_store_outcome outcome, void *ctx);

/* Adds the articles of an unfinished corpus that carries them (its
 * documents added after sitrep_corpus_keep_articles, or merged from
 * snapshots made so: sitrep_corpus_add_snapshot) to the open batch, as if
 * each had been given to sitrep_store_add in the corpus's order: articles
 * stored already (the same bytes) change nothing, one whose id is taken by
 * other bytes is not added, and the store ends the same, byte for byte.
 * What the corpus knows of the new articles is taken as it is when none
 * of its articles is stored yet (nothing analysed again); otherwise its
 * new articles are analysed again from their bytes.  `corpus` is
 * borrowed and left as it was; `report` (may be NULL) is told of every
 * article.  SITREP_EARG (the store unchanged, sitrep_store_message says
 * why) for a corpus without its articles or made with other options
 * (json_flags, skip) than the store's; SITREP_EFORMAT for a damaged
 * article (named); a failure of the database ends the batch as
 * sitrep_store_add's does. */
SITREP_EXPORT sitrep_status sitrep_store_add_corpus(sitrep_store *store, const sitrep_corpus *corpus,
                                                    sitrep_store_article_fn report, void *ctx);

/* Ends the open batch: stories, claims, events, conflicts and trends are
 * made again from all the stored articles and committed with the batch's
 * articles in one transaction.  A batch never committed (the process
 * killed, sitrep_store_close without commit, a failure: SITREP_EFULL,
 * SITREP_EDB) leaves no trace: none of its articles is stored.  Nothing to
 * do without an open batch.
 *
 * One process writes at a time: a store that finds the database held by
 * another sitrep writer waits for as long as that writer is alive and
 * makes progress (it marks the database, in the file PATH-writer); held
 * by any other process for 10 s, it gives up with SITREP_EBUSY. */
SITREP_EXPORT sitrep_status sitrep_store_commit(sitrep_store *store);

/* Retention: removes the stored articles dated before `before`
 * ("YYYY-MM-DD": an article's published date, else the date its story
 * gave it; undated articles stay) and everything only they said, in one
 * transaction: afterwards the records are those `sitrep extract` writes
 * of the articles that remain, byte for byte.  *removed (may be NULL) is
 * how many went.  The remaining articles are analysed again from their
 * stored bytes (what the corpus says of an entity or a story is made from
 * all its articles).  SITREP_EARG with a batch open or a malformed date.
 * Crash-safe as a batch: killed, it leaves the store as it was. */
SITREP_EXPORT sitrep_status sitrep_store_prune(sitrep_store *store, const char *before, size_t *removed);

/* Does the store hold an article with this id and these very bytes?
 * (For sitrep_options.want: such an article would change nothing.) */
SITREP_EXPORT bool sitrep_store_has(sitrep_store *store, const char *id, const char *bytes, size_t len);

/* How many articles (`type` NULL or "article") or records of a type
 * ("claim", "event", "story", ...) the store holds. */
SITREP_EXPORT size_t sitrep_store_count(sitrep_store *store, const char *type);

/* Filters for sitrep_store_query; NULL fields do not filter. */
typedef struct sitrep_query {
    const char *type;    /* "claim", "event", "story" (others: every record of the type) */
    const char *actor;   /* part of an actor's or a source's name */
    const char *place;   /* part of a place name, or a country code */
    const char *since;   /* "YYYY-MM-DD": periods or dates ending on or after */
    const char *until;   /* "YYYY-MM-DD": periods or dates starting on or before */
    const char *status;  /* claims: "corroborated", "single" or "contested" */
} sitrep_query;

/* Writes the stored records that match, one JSON object and a newline per
 * write pair, in the order of the output contract (events by date,
 * stories by first day). */
SITREP_EXPORT sitrep_status sitrep_store_query(sitrep_store *store, const sitrep_query *query,
                                               sitrep_write_fn write, void *ctx);

typedef enum sitrep_output_format {
    SITREP_REPORT_MARKDOWN = 0, /* the situation report a person reads */
    SITREP_REPORT_HTML,         /* the same as one self-contained page with timeline, map and charts */
    SITREP_EXPORT_JSONL,        /* every record, JSON Lines */
    SITREP_EXPORT_CSV,          /* the events under ACLED's column names */
    SITREP_EXPORT_GEOJSON       /* the events and places with coordinates */
} sitrep_output_format;

/* Writes the report or export of everything stored. */
SITREP_EXPORT sitrep_status sitrep_store_write(sitrep_store *store, sitrep_output_format format,
                                               sitrep_write_fn write, void *ctx);

/* Writes the report (SITREP_REPORT_MARKDOWN or _HTML) of a period: the
 * documents dated in it, the stories seen in it, the claims and events
 * whose periods or dates reach into it, their conflicts and the trends,
 * each found by the store's date indexes (not the whole store read).
 * `since`, `until`: "YYYY-MM-DD" or NULL (no bound; both NULL: the whole
 * store, as sitrep_store_write).  `top` (0: all): each section shows its
 * first `top` items in the report's order (stories with more articles,
 * figures with more outlets first) and says how many more there are. */
SITREP_EXPORT sitrep_status sitrep_store_report(sitrep_store *store, sitrep_output_format format, const char *since,
                                                const char *until, size_t top, sitrep_write_fn write, void *ctx);

/* What went wrong last, naming the database's complaint.  Borrowed. */
SITREP_EXPORT const char *sitrep_store_message(const sitrep_store *store);

/* Closes the store; an open batch is rolled back.  NULL is a no-op. */
SITREP_EXPORT void sitrep_store_close(sitrep_store *store);

/* ---- readers ------------------------------------------------------------- */

typedef struct sitrep_reader sitrep_reader;

/* Creates a reader with no inputs.  `opts` is copied (NULL: defaults).
 * On success *out is new; free it with sitrep_reader_free. */
SITREP_EXPORT sitrep_status sitrep_reader_new(const sitrep_options *opts,
                                              sitrep_reader **out);

/* Queues an input: a file (plain-text article or JSON Lines, told apart by
 * content), a directory (read recursively, in name order) or "-" for
 * standard input.  `path` is copied.  Inputs are opened lazily by
 * sitrep_reader_next, so a bad path is reported there. */
SITREP_EXPORT sitrep_status sitrep_reader_add(sitrep_reader *reader,
                                              const char *path);

/* Reads the next document.  Returns:
 *   SITREP_OK    and a new document in *out (the caller frees it);
 *   SITREP_DONE  when every input has been read;
 *   another status when one input (a file, or one JSONL line) was skipped:
 *                sitrep_reader_message() says which and why, and the next
 *                call goes on with the rest.
 * Memory stays bounded by opts.max_input_bytes whatever the input size. */
SITREP_EXPORT sitrep_status sitrep_reader_next(sitrep_reader *reader,
                                               sitrep_doc **out);

/* "PATH[:LINE]: problem" for the last skipped input.  Borrowed; valid until
 * the next call on the reader. */
SITREP_EXPORT const char *sitrep_reader_message(const sitrep_reader *reader);

/* How many inputs have been skipped so far. */
SITREP_EXPORT size_t sitrep_reader_skipped(const sitrep_reader *reader);

/* Frees the reader.  NULL is a no-op. */
SITREP_EXPORT void sitrep_reader_free(sitrep_reader *reader);

#ifdef __cplusplus
}
#endif

#endif /* SITREP_H */
