/*
 * corpus.h -- the private body of sitrep_corpus: what many documents say
 * together.  The corpus copies what it keeps from each document (names,
 * quotes), so documents can be freed as soon as they are added; merging is
 * by identity keys, so the result does not depend on the order of adding.
 */
#ifndef SITREP_CORPUS_H
#define SITREP_CORPUS_H

#include "core/core.h"
#include "analyse/minhash.h"
#include "corpus/spill.h"
#include "lex_ids.h"

/* One entity across documents. */
typedef struct sr_centity {
    uint64_t key;            /* identity: kind, folded name, country */
    sitrep_entity_kind kind;
    const char *name;
    char country[3];
    const char *parent;
    const char *role;        /* the role stated by the first document (by id) */
    const char *role_doc;
    const char *first_doc;   /* the document (smallest id) its other fields are from */
    const char *admin1, *admin1_code, *feature;
    double lat, lon;
    uint32_t nmentions;
} sr_centity;

/* A mention of an entity: a row of the corpus's mention file, whose
 * strings are the corpus's own (they stay in memory, each once). */
typedef struct sr_cmention {
    uint32_t entity;
    uint32_t start, end;
    uint32_t quote_len;
    const char *doc;         /* document id (arena) */
    const char *quote;       /* the bytes [start, end) of the document (arena) */
    const char *alias;       /* the name inside the quote when the mention holds
                                more (a title, "fighters"), else NULL */
} sr_cmention;

/* A time expression or figure kept for the mention records (--mentions). */
typedef struct sr_cexpr {
    uint8_t type;            /* SR_CEXPR_TIME or SR_CEXPR_FIGURE */
    const char *doc;
    uint32_t start, end;
    const char *quote;       /* interned */
    uint32_t quote_len;
    char from[11], to[11];   /* time: its value, "" unresolved */
    char pfrom[11], pto[11]; /* time: its period when it differs from the value, else "" */
    const char *precision, *kind; /* time: static names */
    const char *relation, *mod;   /* time: static names or NULL */
    char duration[16];       /* time: ISO duration or "" */
    double low, high;        /* figure */
    const char *qualifier;   /* figure: static name */
    char unit[12];           /* figure: "" for a count */
    const char *measure;     /* figure: interned, or NULL */
    uint32_t doc_index;      /* its document (sr_cdoc) */
    uint8_t alive;           /* 0 once its document was analysed again */
} sr_cexpr;

enum { SR_CEXPR_TIME = 1, SR_CEXPR_FIGURE = 2 };

/* A quoted span of a claim or event: a row of a file (no padding). */
typedef struct sr_cspan {
    uint32_t owner;          /* index of its claim or event */
    uint32_t start, end;
    uint32_t quote_len;
    const char *doc;
    uint64_t quote_at;       /* the bytes [start, end) of its document: where they
                                are in the corpus's spill file, read back only to
                                be written (sr_corpus_span_quote) */
} sr_cspan;

/* A claim of one document (CONTRACT.md `claim`).  Its fields are laid out
 * by size, the largest first, so that the row has no holes: a long run
 * holds millions (152 bytes each, not the 176 of the declaration order
 * with the key the measure and value make). */
typedef struct sr_cclaim {
    const char *doc;
    const char *measure, *qualifier, *actor, *attributed_to;
    const char *places[4];
    double low, high;        /* (its fact's key, sr_claim_key, is made from the
                                measure and these when needed: not kept) */
    uint32_t first;          /* start of its first span, for order and identity */
    uint32_t doc_index;      /* its document (sr_cdoc) */
    int32_t group;           /* its corroborated claim (sr_cgroup), -1 before */
    char place_countries[4][3];
    char from[11], to[11];
    char said[11];           /* the day the source spoke, "" if unstated */
    uint8_t nplaces;
    uint8_t alive;           /* 0 once its document was analysed again */
} sr_cclaim;

/* An event of one document (CONTRACT.md `event`), its fields by size as
 * a claim's (208 bytes, not 232). */
typedef struct sr_cevent {
    const char *doc;
    const char *type, *sub, *precision;
    const char *actors[5];
    const char *location, *admin1;
    const char *fat_q, *inj_q;
    const char *perp_conf;   /* sitrep_event.perpetrator_confidence */
    double lat, lon;
    double fat_low, fat_high, inj_low, inj_high;
    uint32_t first;
    uint32_t doc_index;
    int32_t group;           /* its corroborated event, -1 before */
    char from[11], to[11];
    char country[3];
    uint8_t nactors;
    uint8_t has_fat, has_inj;
    uint8_t date_from_report; /* the date is the report's window, not the text's */
    uint8_t place_from_report; /* the place is the report's country, not the text's */
    uint8_t alive;
} sr_cevent;

/* One document as the corpus keeps it: its record, its signature and what
 * the stories stage decides about it. */
typedef struct sr_cdoc {
    const char *id;
    const char *outlet;              /* interned, or NULL */
    const char *title;               /* interned, or NULL */
    char published[11];              /* stated date, "" when none */
    char inferred[11];               /* inferred date, "" when none */
    const char *basis;               /* how it was inferred (arena) */
    int64_t rec_at;                  /* its `document` record, JSON: where it is in the
                                      * corpus's spill file (read back only to be
                                      * written, sr_corpus_doc_record) */
    size_t record_len;
    sr_minhash sig;
    int32_t day;                     /* days since 1970 of its date, INT32_MIN when none */
    uint32_t terms0, terms1;         /* its terms: [terms0, terms1) of the corpus's terms */
    int32_t story;                   /* its story (sr_cstory), -1 before the stories are made */
    int32_t dup_of;                  /* the document it copies, -1 */
    int64_t src_at;                  /* undated: where its input is in the corpus's spill
                                      * file, to analyse again once its story dates it;
                                      * -1 when none (sr_corpus_doc_input) */
    size_t src_len;
    char *hint_title, *hint_url, *hint_outlet; /* its hints for that (arena) */
    /* where its latest analysis put its claims, events, trend sentences and
     * mention records: [x0, x1) of each array */
    uint32_t claims0, claims1, events0, events1, words0, words1, exprs0, exprs1;
} sr_cdoc;

/* A story: articles about one happening. */
typedef struct sr_cstory {
    const char *id;                  /* "S" + a hash of its first document's id (arena) */
    uint32_t first_doc;              /* the document with the smallest id */
    const char *title;
    char first_seen[11], last_seen[11];
} sr_cstory;

/* A fact stated by one or more articles: claims merged. */
typedef struct sr_cgroup {
    uint32_t rep;                    /* the claim whose fields it shows */
    uint32_t first_member;           /* members: claim_members[first .. first + n) */
    uint32_t nmembers;
    uint32_t outlets;
    const char *id;
    const char *actor, *attributed_to;
    uint8_t contested;
    char from[11], to[11];
} sr_cgroup;

/* Events merged across articles. */
typedef struct sr_cegroup {
    uint32_t rep;
    uint32_t first_member, nmembers;
    const char *id;
} sr_cegroup;

typedef struct sr_cconflict {
    uint32_t a, b;                   /* sr_cgroup indexes; b == a for a date the
                                      * articles of one claim disagree on; for an
                                      * update a is the earlier report, b the later */
    uint64_t reason_at;              /* its reason, a sentence: where it is in the
                                      * corpus's spill file (read back only to be
                                      * written, sr_corpus_conflict_reason) */
    uint32_t reason_len;
    uint8_t kind;                    /* SR_CONFLICT_* */
} sr_cconflict;

enum { SR_CONFLICT_DISPUTE = 0, SR_CONFLICT_UPDATE = 1 };

/* A sentence stating a trend ("on track to double"), kept for the checks. */
typedef struct sr_ctrendword {
    uint32_t doc_index;
    uint32_t start, end;
    const char *quote;               /* interned sentence */
    const char *phrase;              /* the words ("on track to double"), arena */
    uint8_t kind;                    /* SR_TREND_* */
    uint8_t alive;
} sr_ctrendword;

/* the kinds of trend words, as data/lex/stories.lex names them */
enum {
    SR_TREND_DOUBLE = SR_LEXE_TREND_DOUBLE,
    SR_TREND_TRIPLE = SR_LEXE_TREND_TRIPLE,
    SR_TREND_HALF = SR_LEXE_TREND_HALF,
    SR_TREND_RISE = SR_LEXE_TREND_RISE,
    SR_TREND_FALL = SR_LEXE_TREND_FALL
};

typedef struct sr_ctrend {
    uint32_t groups[8];              /* its points, sr_cgroup indexes, by period */
    uint8_t npoints;
    double projection;               /* < 0 when none */
    char proj_from[11], proj_to[11];
    const char *basis;               /* arena */
    double ratio;                    /* < 0 when none */
    int32_t check;                   /* sr_ctrendword index, -1 */
    const char *verdict;             /* "confirmed", "contradicted" */
} sr_ctrend;

/* A term of one document (cluster/terms.c): the hash of a word, number
 * or word pair, and how often the document uses it. */
typedef struct sr_cterm {
    uint32_t hash;       /* while finishing: the term's number in the corpus */
    uint32_t count;      /* while finishing: its weight, a float's bits */
} sr_cterm;

/* A date the document's text states with its year (cluster/terms.c),
 * kept after its terms as a term of hash 0 whose count is SR_CTERM_DATE
 * with the year, month (0 none) and day (0 none) packed: at most
 * SR_CTERM_DATES, the latest. */
#define SR_CTERM_DATE 0x80000000u
#define SR_CTERM_DATES 8
static inline uint32_t sr_cterm_date(unsigned year, unsigned month, unsigned day)
{
    return (uint32_t)(year << 9 | month << 5 | day);
}

/* The sections of the records, in output order (CONTRACT.md). */
enum {
    SR_SEC_DOCUMENTS, SR_SEC_STORIES, SR_SEC_ENTITIES, SR_SEC_CLAIMS, SR_SEC_EVENTS,
    SR_SEC_CONFLICTS, SR_SEC_TRENDS, SR_SEC_MENTIONS, SR_SECTIONS
};

/* A range of the records the writer writes (sitrep_corpus_write_json_range):
 * a record's place is its section and where its estimated bytes start
 * among those of its section's records, as a fraction; those whose place
 * is in [lo, hi) are written (a place s + f: section s, fraction f).
 * While a section is written, `at` sums the estimates of its records met
 * and `total` is its estimated bytes (report/corpus_json.c). */
typedef struct sr_slice {
    unsigned lo_sec, hi_sec;
    double lo_frac, hi_frac;
    unsigned sec;
    size_t at, total;
} sr_slice;

struct sitrep_corpus {
    const sitrep_mem *mem;
    sr_arena arena;
    sr_buf entities;         /* sr_centity */
    sr_rows mentions;        /* sr_cmention rows in the order added, on disk: a
                                run's largest array, read only to write the
                                records (spill.h) */
    uint32_t *slots;         /* open addressing: entity index + 1, 0 empty */
    size_t nslots;
    const char **quotes;     /* interned quotes: a surface form is kept once */
    uint64_t *qhashes;       /* the hash of each, beside it */
    size_t nquotes, nqslots;
    size_t ndocs;
    sr_buf exprs;            /* sr_cexpr, when mention records are kept */
    sr_buf claims;           /* sr_cclaim */
    sr_rows claim_spans;     /* sr_cspan, owner by owner, on disk */
    sr_buf events;           /* sr_cevent */
    sr_rows event_spans;     /* sr_cspan, owner by owner, on disk */
    sitrep_options opts;     /* for analysing undated documents again */
    sr_buf docs;             /* sr_cdoc */
    sr_buf terms;            /* sr_cterm, each document's [terms0, terms1) */
    sr_buf trendwords;       /* sr_ctrendword */
    struct sr_slice *slice;  /* the records to write, NULL all (report/corpus_json.c) */
    struct sr_prep *prep;    /* what writing sections prepared (their orders and
                                indexes), kept for the next range (report/corpus_json.c) */
    sr_spill spill;          /* bytes kept on disk till needed (spill.h) */
    /* the spans whose quotes were kept last (sr_corpus_keep_quote): the
     * claims of one sentence quote it once */
    struct { const char *doc; uint32_t start, end; uint64_t hash, at; } last_quotes[4];
    unsigned nlast_quotes;
    /* the claims and events, each in memory (its sr_buf) or parked in a
     * file of its own (sr_corpus_hold): parked[k] rows there, the buffer
     * empty; rows added meanwhile are appended to the file */
    bool is_parked[2];
    sr_spill park[2];
    size_t parked[2];
    /* the articles as a store keeps them, one record per document in
     * document order, when kept for a store (articles.c) */
    bool keep_articles;
    sr_buf articles;
    /* rows keep their numbers when finishing: the rows of analyses
     * replaced stay (dead), not dropped (sr_corpus_drop_replaced), for a
     * store, whose tables number them across batches (store/store.c) */
    bool stable_rows;
    size_t narticles;
    /* made by sitrep_corpus_finish (src/pipeline_corpus.c) */
    bool finished;           /* finishing has begun: nothing joins after */
    bool stories_done;       /* its stories stage ran (sr_corpus_finish_stories) */
    bool corroborated;       /* its claims and events are merged (sr_corroborate,
                                or a corroboration loaded: corpus/shared.c):
                                both parts below */
    bool claims_corroborated; /* the claims' part: their groups, the conflicts,
                                 the trends (sr_corroborate_claims) */
    bool events_corroborated; /* the events' part: their groups
                                 (sr_corroborate_events) */
    sr_buf stories;          /* sr_cstory */
    sr_buf groups;           /* sr_cgroup */
    sr_buf claim_members;    /* uint32_t claim indexes, by group */
    sr_buf egroups;          /* sr_cegroup */
    sr_buf event_members;    /* uint32_t event indexes, by group */
    sr_buf conflicts;        /* sr_cconflict */
    sr_buf trends;           /* sr_ctrend */
};

/* corpus.c: what the document says, copied into the corpus as its last
 * document, with its `document` record (JSON without the newline, copied;
 * sitrep_corpus_add in src/pipeline_corpus.c writes it and then links the
 * document to the others, cluster/stories.c). */
sitrep_status sr_corpus_add(sitrep_corpus *c, const sitrep_doc *doc, const char *record,
                           size_t record_len);

/* cluster/terms.c: document d's near-copy signature and terms, what the
 * story linking reads of it (they depend on the document only). */
sitrep_status sr_cluster_add(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc);
/* cluster/stories.c: near-copies and stories of every document, dates of
 * undated ones from their story; a function of the set of documents, not
 * of the order they came in. */
sitrep_status sr_cluster_finish(sitrep_corpus *c);
/* cluster/stories.c: the part of sr_cluster_finish after the linking, from
 * each document's story and dup_of and each story's first_doc (the stories
 * numbered as sr_cluster_finish numbers them): the stories' ids, titles
 * and days, the dates undated articles take from their story.  What a
 * corpus runs on the stories another corpus made alike linked
 * (corpus/shared.c), instead of linking them again. */
sitrep_status sr_cluster_finish_dates(sitrep_corpus *c);
/* The fact key of a claim's measure and value. */
uint64_t sr_claim_key(const char *measure, double low, double high);
/* Does the measure count an outcome ("militants killed", "arrested")?  Its
 * head noun, the word before the outcome, in *head (NULL when none). */
bool sr_measure_outcome(const char *measure, const char **head, size_t *head_len);

/* report/corpus_json.c: frees c->prep. */
void sr_corpus_prep_free(sitrep_corpus *c);

/* pipeline_corpus.c: the stories stage of finishing (what the document,
 * story and mention records need); sitrep_corpus_finish runs it and then
 * the corroboration.  Marks the corpus finished. */
sitrep_status sr_corpus_finish_stories(sitrep_corpus *c);
/* The same for a corpus whose documents are linked already (each one's
 * story and dup_of set, the stories made with their first_doc: taken from
 * another corpus made alike, corpus/shared.c): the rest of the stage. */
sitrep_status sr_corpus_finish_stories_linked(sitrep_corpus *c);

/* corroborate/corroborate.c: claims and events merged, conflicts, trends. */
sitrep_status sr_corroborate(sitrep_corpus *c);
/* Its two parts alone, for a corpus that writes the records of one of
 * them (sitrep_corpus_finish_range): the claims' (their groups, then the
 * conflicts and trends found among them) and the events' (their groups),
 * which read nothing of each other: either order makes what
 * sr_corroborate makes. */
sitrep_status sr_corroborate_claims(sitrep_corpus *c);
sitrep_status sr_corroborate_events(sitrep_corpus *c);
/* Finishes what `claims` and `events` ask for of the corroboration (the
 * stories stage first), each part once. */
sitrep_status sr_corpus_finish_parts(sitrep_corpus *c, bool claims, bool events);
/* The outlet document d counts as (its copy's for a near-copy, its id
 * when it names none): interned, compared by pointer. */
const char *sr_outlet_key(const sitrep_corpus *c, uint32_t d);
/* The scope of a merged claim: its measure's family, actor and places
 * (and period): the claims whose figures conflicts and trends compare. */
uint64_t sr_claim_scope(const sitrep_corpus *c, const sr_cgroup *g, bool with_period);

/* corpus.c: the corpus entity of e's identity (e->key), which e joins as
 * a document's entity would (its role by the same rule, its mentions
 * counted), or e itself, new, whose strings must be the corpus's own.
 * Its index, or -1 when out of memory. */
int64_t sr_corpus_entity_join(sitrep_corpus *c, const sr_centity *e);
/* corpus.c: an undated document's input, input[0..n), kept in the spill
 * file (d->src_at, d->src_len set); and read back into a new buffer
 * (*out, d->src_len bytes and a NUL, freed with c->mem->free). */
sitrep_status sr_corpus_keep_input(sitrep_corpus *c, sr_cdoc *d, const char *input, size_t n);
sitrep_status sr_corpus_doc_input(const sitrep_corpus *c, const sr_cdoc *d, char **out);
/* corpus.c: a document's `document` record, record[0..n) (no newline),
 * kept in the spill file (d->rec_at, d->record_len set); and read back
 * into `out` (its bytes replaced, a NUL after them). */
sitrep_status sr_corpus_keep_record(sitrep_corpus *c, sr_cdoc *d, const char *record, size_t n);
sitrep_status sr_corpus_doc_record(const sitrep_corpus *c, const sr_cdoc *d, sr_buf *out);
/* corpus.c: a span's quote, q[0..x->quote_len), kept in the spill file
 * (x->quote_at set; the quote of a span kept just before, of the same
 * document, place and bytes, is shared); and read back into `out`
 * (its bytes replaced, a NUL after them). */
sitrep_status sr_corpus_keep_quote(sitrep_corpus *c, sr_cspan *x, const char *q);
sitrep_status sr_corpus_span_quote(const sitrep_corpus *c, const sr_cspan *x, sr_buf *out);
/* corpus.c: a conflict's reason, reason[0..n), kept in the spill file
 * (cf->reason_at, cf->reason_len set); and read back into `out` (its
 * bytes replaced, a NUL after them). */
sitrep_status sr_corpus_keep_reason(sitrep_corpus *c, sr_cconflict *cf, const char *reason, size_t n);
sitrep_status sr_corpus_conflict_reason(const sitrep_corpus *c, const sr_cconflict *cf, sr_buf *out);
/* corpus.c: the rows of analyses a later one replaced (the claims,
 * events, trend sentences and time and figure records of the undated
 * articles read again) marked dead (their `alive` 0); with `drop`, dropped
 * with their spans, the others keeping their order, and the arrays cut to
 * what they hold: run once the stories stage has read every article
 * again, before anything numbers those rows. */
sitrep_status sr_corpus_settle_replaced(sitrep_corpus *c, bool drop);
/* corpus.c: the claims and events (the largest arrays a run keeps) are
 * in memory only while a stage reads them: a new corpus keeps them in
 * files of their own (SR_HOLD_NONE) and adds rows there; a stage that
 * reads c->claims or c->events (or counts them by their sr_buf) first
 * holds what it reads (SR_HOLD_CLAIMS, SR_HOLD_EVENTS or both), which
 * parks the other.  Reading every row back costs one sequential read. */
enum { SR_HOLD_NONE = 0, SR_HOLD_CLAIMS = 1, SR_HOLD_EVENTS = 2, SR_HOLD_ALL = 3 };
sitrep_status sr_corpus_hold(sitrep_corpus *c, unsigned hold);
/* The same for a corpus its caller may not change (a snapshot, a
 * fingerprint): what it holds is where its rows are, not what it is. */
sitrep_status sr_corpus_hold_const(const sitrep_corpus *c, unsigned hold);
/* Rows [i, i + n) of the claims (table SR_HOLD_CLAIMS) or the events
 * (SR_HOLD_EVENTS), wherever they are, copied to out: what a stage that
 * reads a few rows, or reads them in order, uses instead of holding the
 * table (a parked table's rows are read from its file). */
sitrep_status sr_corpus_rows(const sitrep_corpus *c, unsigned table, size_t i, size_t n, void *out);
/* Rows of claims and events, wherever they are. */
size_t sr_corpus_nclaims(const sitrep_corpus *c);
size_t sr_corpus_nevents(const sitrep_corpus *c);
/* corpus.c: the corpus's copy of s[0..n), one per distinct string. */
const char *sr_corpus_intern(sitrep_corpus *c, const char *s, size_t n);
/* corpus.c: document d's claims, events, time and figure records and trend
 * sentences from `doc` (its first analysis, or a later one that replaces
 * them). */
sitrep_status sr_corpus_add_analysis(sitrep_corpus *c, uint32_t d, const sitrep_doc *doc);

/* snapshot.c: the corpus as bytes, before it is finished (appended to
 * `out`), and loaded again into a new corpus (from sitrep_corpus_new,
 * nothing added).  Loading checks the layout of the build that saved it:
 * SITREP_EFORMAT for another layout or damaged bytes, after which the
 * corpus must be freed, not used. */
sitrep_status sr_corpus_save(const sitrep_corpus *c, sr_buf *out);
sitrep_status sr_corpus_load(sitrep_corpus *c, const void *data, size_t len);
/* snapshot.c: a snapshot in parts, so that a store saves what a batch
 * added, not everything again.  A mark is the number of rows of each
 * table the corpus holds; a part is the rows added since a mark (with
 * the entities whole: adding changes them), saved before finishing, and
 * loaded into the corpus that holds exactly the rows before it (the
 * snapshot and parts it was made after): SITREP_EFORMAT otherwise, or for
 * damaged bytes or another layout (the corpus is then to be freed). */
#define SR_SNAP_TABLES 10
typedef struct sr_snap_mark {
    uint64_t n[SR_SNAP_TABLES];
} sr_snap_mark;
void sr_corpus_mark(const sitrep_corpus *c, sr_snap_mark *m);
sitrep_status sr_corpus_save_part(const sitrep_corpus *c, const sr_snap_mark *from, sr_buf *out);
sitrep_status sr_corpus_load_part(sitrep_corpus *c, const void *data, size_t len);
/* snapshot.c: the same without the links (indexes, union-find), which
 * the corpus that merges it makes again: a shard's partial corpus. */
sitrep_status sr_corpus_save_unlinked(const sitrep_corpus *c, sr_buf *out);

/* snapshot.c: one claim (sr_cclaim) or event (sr_cevent) as bytes, its
 * strings inside, appended to `out`; and loaded again into *row, its
 * strings interned in c (its doc_index left for the caller to set).
 * Loading checks what it can (EFORMAT); the bytes are tied to the build's
 * layout, sr_row_layout(), which a store keeps beside them. */
typedef enum sr_row_type { SR_ROW_CLAIM, SR_ROW_EVENT } sr_row_type;
sitrep_status sr_row_save(sr_row_type t, const void *row, sr_buf *out);
sitrep_status sr_row_load(sitrep_corpus *c, sr_row_type t, const void *data, size_t len, void *row);
uint64_t sr_row_layout(void);

/* merge.c: appends everything `from` (unfinished) holds to `into`
 * (unfinished), its documents after those of `into`, in their order, to
 * be linked when next needed: the corpus `into` would be had the
 * documents of `from` been added to it.  `from` is left as it was.  On
 * failure (ENOMEM) `into` must be freed, not used. */
sitrep_status sr_corpus_absorb(sitrep_corpus *into, const sitrep_corpus *from);
/* The same with a choice: without the time and figure mentions of `from`
 * (exprs false: a store keeps none), without its articles (articles
 * false). */
sitrep_status sr_corpus_absorb_some(sitrep_corpus *into, const sitrep_corpus *from, bool exprs, bool articles);

/* articles.c: document doc's article (its bytes compressed, its
 * metadata) appended to c->articles, as a store would keep it. */
sitrep_status sr_corpus_add_article(sitrep_corpus *c, const sitrep_doc *doc);
/* articles.c: checks that data[0..len) is a run of article records and
 * counts them (SITREP_EFORMAT if not). */
sitrep_status sr_articles_check(const void *data, size_t len, size_t *count);
/* articles.c: the article record at *at of `articles` (checked), its
 * strings and compressed bytes pointing into it, *at moved past it; false
 * after the last. */
typedef struct sr_article {
    const char *id, *title, *outlet, *url, *published;
    size_t len;                 /* the article's bytes */
    const void *z;              /* compressed (zlib) */
    size_t zlen;
} sr_article;
bool sr_article_next(const sr_buf *articles, size_t *at, sr_article *a);

/* Where each owner's spans start in `spans` (sr_cspan, appended owner by
 * owner): first[o] .. first[o + 1], for owners + 1 entries; with
 * quote_bytes, also the bytes of each owner's quotes, from the same pass
 * over the rows.  NULL for want of memory (or the rows could not be read);
 * both freed with c->mem->free. */
size_t *sr_span_index(const sitrep_corpus *c, const sr_rows *spans, size_t owners, size_t **quote_bytes);

#endif
