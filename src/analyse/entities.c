/*
 * entities.c -- who and where.  Exports sr_entities().
 *
 * The stage works on "units": the words of the cleaned text, with
 * hyphenated words split at their hyphens ("al-Hol" is "al" + "Hol",
 * "ISIS-K" is "ISIS" + "K") and possessive endings set aside ("Iraq's" is
 * "Iraq").  A chunk is a run of capitalised units, joined by particles
 * and connectives ("Islamic Resistance in Iraq", "Bab al-Hawa"), that no
 * punctuation interrupts.  Each chunk is read in four steps:
 *
 *   1. names that the document defines ("the Syrian Democratic Forces
 *      (SDF)", "X, also known as Y") are learned as it goes, and win over
 *      everything else for the rest of the document;
 *   2. greedy longest match against the learned names, the actor
 *      knowledge base and the gazetteer, by name key (namekey.h); aliases
 *      written in capitals must match case and all ("IS" is never "is");
 *   3. what is left is tried as a person (after a title, before a speech
 *      verb, with an appositive role, after a role noun) or as an
 *      organisation by its head word ("... Research Network");
 *   4. place candidates are resolved at the end, when every country,
 *      demonym and subdivision of the document is known: the candidate
 *      whose country the article talks about wins over a namesake abroad,
 *      and a small place that nothing supports is dropped.
 *
 * A single capitalised word that is the surname of a person named in the
 * document is a mention of that person.  Everything is linear in the
 * number of units: each chunk start probes at most SR_MAX_UNITS keys.
 */
#include "analyse/entities.h"
#include "analyse/truecase.h"
#include "analyse/wordinfo.h"

#include "actors.h"
#include "gazetteer.h"
#include "lex.h"
#include "lexicon.h"
#include "namekey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SR_MAX_UNITS 8      /* the longest name probed, in units */
#define SR_MAX_CANDS 32     /* places considered for one name */
#define SR_PERSON_UNITS 5   /* the longest person name */

enum {
    U_CAP = 1u << 0,      /* first letter upper case (or a digit for U_NUM) */
    U_ALLCAPS = 1u << 1,  /* no lower-case letter, 2+ letters */
    U_BREAK = 1u << 2,    /* a chunk cannot continue into this unit */
    U_HYPH = 1u << 3,     /* joined to the previous unit by a hyphen */
    U_NUM = 1u << 4,      /* digits */
    U_POSS = 1u << 5,     /* the word had a possessive 's */
    U_SENT = 1u << 6,     /* first unit of a sentence */
    U_PARTICLE = 1u << 7, /* al, el, ez ... (namekey particles) */
    U_CONNECT = 1u << 8,  /* of, for, in, and, the, de, bin ... */
    U_FUNC = 1u << 9,     /* a closed-class English word ("The", "But") */
    U_LOWER = 1u << 10,   /* starts with a lower-case letter */
    U_PBREAK = 1u << 11,  /* punctuation or a sentence start before it */
    U_COMMON_ASKED = 1u << 12, /* is_common_word asked: U_COMMON holds its answer */
    U_COMMON = 1u << 13   /* the dictionary has the word in lower case */
};

typedef struct unit {
    uint32_t start, end; /* bytes of the unit */
    uint32_t tok;        /* its token */
    uint32_t wend;       /* end of the whole word, possessive included */
    uint32_t norm;       /* its name-key bytes in ent_state.norm (namekey.h) */
    uint8_t norm_len;    /* their length; NORM_NONE: normalise from the text */
    uint16_t flags;
    sr_lexid lex;        /* its entry in the rule lexicons (data/lex/entities.lex), 0 none,
                          * LEX_UNSET until asked for (ulex) */
} unit;

#define LEX_UNSET UINT32_MAX

/* The flags of a unit that can open a name: the passes that look for
 * names read the units listed in ent_state.marked, not every unit. */
#define MARKED (U_CAP | U_ALLCAPS | U_PARTICLE)

#define NORM_NONE 255

/* What a span of units was recognised as, before places are resolved. */
enum { C_ENTITY = 1, C_PLACE, C_SINGLE, C_CTXPLACE };

typedef struct cand {
    uint32_t u0, u1;  /* units [u0, u1) */
    uint32_t start, end;
    uint32_t name_start, name_end; /* the name inside [start, end) */
    uint8_t type;
    bool hidden;      /* read for the document's context, written as no mention */
    bool reading;     /* a second reading (SITREP_MENTION_READING) */
    bool wrapper;     /* may hold other mentions ("Russian Foreign Minister
                       * Sergei Lavrov" holds "Russian"), or share its span
                       * with another entity's */
    uint32_t entity;  /* C_ENTITY: entity index */
    uint64_t key;     /* C_PLACE, C_SINGLE: name key */
} cand;

typedef struct learned {
    uint64_t key;
    uint32_t entity;
    const char *exact; /* spelling that must match, or NULL (arena) */
} learned;

/* The limits of place resolution (entities.lex: place_limits). */
typedef struct place_limits {
    double small_namesake, unplaced_namesake, common_word_town, large_city, part_of_city_km;
    double near_km, nearby_km, distance_percent, distance_margin_km;
} place_limits;

typedef struct ent_state {
    sitrep_doc *doc;
    const char *src;
    const sr_gazetteer *gaz;
    unit *u;
    size_t nu;
    const sitrep_token *tok; /* the body's tokens, then the captions' */
    size_t ntok;
    sr_buf extra;            /* the combined tokens when there are captions */
    sr_buf units, cands, learned;
    sr_buf ids;              /* uint64_t: sr_entity.id of each entity, for entity_for */
    sr_buf id_slots;         /* uint32_t: index of ids by hash (id_slot), index + 1, 0 empty */
    sr_buf wraps;            /* sitrep_span: the spans of wrapper mentions (cand.wrapper) */
    sr_buf memo;             /* place_memo: places decided in this document */
    uint16_t memo_slot[1024]; /* memo entry + 1 by hash of key and circumstances, 0 empty
                               * (the first MEMO_INDEXED entries; see place_pick) */
    sr_buf norm;             /* normalised bytes of the units that can be in names */
    sr_buf marked;           /* uint32_t: the units that can open a name (MARKED), in order */
    bool marked_ok;          /* marked lists every such unit (not out of memory) */
    const sr_wordinfo *wi;   /* the body tokens' word information, NULL when not worked out */
    size_t nwi;
    bool oom;
    /* document context for places */
    uint32_t country_weight[26 * 26];
    uint32_t country_weak[26 * 26]; /* the part of it second-level subdivisions gave */
    uint32_t heaviest[3];    /* the weight of the heaviest country, its index and how many
                              * others weigh as much (resolve_context_place_in) */
    bool heaviest_known;     /* heaviest worked out (after collect_context, which sets
                              * every weight) */
    char admin1_seen[64][8];
    uint64_t admin1_set[128]; /* admin1_seen packed (admin1_pack), by hash; 0 empty */
    size_t nadmin1;
    /* regions named with their word ("Plateau state"): the region packed
     * and the word's key; "Plateau department" is another region */
    struct {
        uint64_t admin1, word;
    } named_with[8];
    size_t nnamed_with;
    /* the places a first reading of the document's names resolved
     * (first_reading): the countries their towns lie in and their points,
     * evidence for the second reading of each name */
    uint32_t town_weight[26 * 26];
    sr_buf anchors;          /* place_anchor: the points of the first reading */
    sr_buf first;            /* uint32_t per cand: its first reading's pick */
    sr_buf refs;             /* place_ref per cand: the place it is measured from */
    sr_buf pick_words;       /* pick_words per cand: what place_pick read of its words */
    sr_buf own_town;         /* uint16_t per cand: the country of the town its first reading
                              * took it for (letters packed, town_support), 0 none */
    /* the places each name denotes, looked up once per document (places_named) */
    sr_buf looks;            /* place_look */
    sr_buf look_places;      /* sr_place: the places of every place_look */
    uint16_t look_slot[512]; /* place_look + 1 by hash of its key, 0 empty */
    bool second;             /* the second reading is under way */
    place_limits lim;        /* entities.lex: place_limits */
    double near_c2, nearby_c2; /* lim.near_km and lim.nearby_km as squared chords (anchor_nearness) */
    double band;             /* a little over the longer of those chords (anchor_nearness) */
} ent_state;

/* "X, 15 km south of Y": the place Y that cand X is measured from, as its
 * first reading placed it, and how far. */
typedef struct place_ref {
    double lat, lon; /* NAN when X is measured from nothing placed */
    double km;
    char cc[3];
} place_ref;

static const place_ref *ref_of(const ent_state *st, const cand *c);

/* A place of the first reading: its name and point.  The anchors are
 * kept in order of z (first_reading), so that the ones within a chord of
 * a point are found by the band of z around it (anchor_nearness). */
typedef struct place_anchor {
    uint64_t key;
    double lat, lon;
    double x, y, z;  /* the point on the unit sphere, for comparing distances */
    size_t order;    /* its place in the order the first reading found them */
} place_anchor;

/* ---- small word classes ---- */

/* Is the lexicon entry in class c (data/lex/entities.lex)? */
#define IN(id, c) sr_lex_in((id), SR_LEX_ENTITIES_##c)

static sr_lexid lex_of(const char *s, size_t n)
{
    return n <= 64 ? sr_lex_find(s, n) : 0;
}

/* lex_of(s, n), unless *lex holds it already (a whole word's entry from
 * the document's word information) */
static sr_lexid lex_known(const sr_lexid *lex, const char *s, size_t n)
{
    return *lex != LEX_UNSET ? *lex : lex_of(s, n);
}

/* The title with this key, or NULL; *prefix tells whether the key starts
 * a longer title ("Brig." of "Brig. Gen."). */
static const sr_title *title_lookup(uint64_t key, bool *prefix)
{
    bool pre = false;
    const sr_title *found = NULL;
    for (uint32_t s = (uint32_t)key & sr_title_mask; key && sr_titles[s].key;
         s = (s + 1) & sr_title_mask) {
        if (sr_titles[s].key != key)
            continue;
        if (sr_titles[s].text == NULL) {
            pre = true; /* only the start of a longer title */
            continue;
        }
        found = &sr_titles[s];
        break;
    }
    if (prefix)
        *prefix = pre;
    return found;
}

static bool is_title_key_or_prefix(uint64_t key, bool *prefix)
{
    return title_lookup(key, prefix) != NULL;
}

static bool is_title_key(uint64_t key, bool *lower)
{
    const sr_title *t = title_lookup(key, NULL);
    if (t && lower)
        *lower = t->lower;
    return t != NULL;
}

/* ---- units ---- */

static bool ends_possessive(const char *s, size_t n, size_t *cut)
{
    if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'') {
        *cut = 2;
        return true;
    }
    if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0) {
        *cut = 4;
        return true;
    }
    return false;
}

/* The unit's flags; *lex gets its lexicon entry when the flags needed it
 * (else it is left alone). */
static uint16_t unit_flags(const char *s, size_t n, sr_lexid *lex)
{
    uint16_t f = 0;
    size_t letters = 0, upper = 0, lower = 0;
    int32_t first = -1;
    /* most words: lower case ASCII, and only a particle or connective
     * among them matters */
    if (n && s[0] >= 'a' && s[0] <= 'z') {
        f = U_LOWER;
        if (n <= 5) {
            if (sr_namekey_is_particle(s, n))
                f |= U_PARTICLE;
            else if (IN(*lex = lex_known(lex, s, n), NAME_LINKS))
                f |= U_CONNECT;
        }
        return f;
    }
    /* ASCII words, the common case: no decoding */
    size_t k = 0;
    while (k < n && (unsigned char)s[k] < 0x80)
        k++;
    if (k == n) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            if (first < 0 && (up || lo || (c >= '0' && c <= '9')))
                first = c;
            letters += up || lo;
            upper += up;
            lower += lo;
        }
        goto classify;
    }
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += sr_utf8_decode(s, n, i, &cp);
        if (first < 0 && (sr_cp_is_letter(cp) || sr_cp_is_digit(cp)))
            first = cp;
        if (sr_cp_is_letter(cp)) {
            letters++;
            if (sr_cp_is_upper(cp))
                upper++;
            else if (sr_cp_is_lower(cp))
                lower++;
        }
    }
classify:
    if (first >= 0 && sr_cp_is_upper(first))
        f |= U_CAP;
    if (first >= 0 && sr_cp_is_lower(first))
        f |= U_LOWER;
    if (letters >= 2 && lower == 0)
        f |= U_ALLCAPS;
    if (letters == 0 && first >= 0)
        f |= U_NUM;
    if ((f & U_LOWER) && n <= 5) { /* the longest particle or connective */
        if (sr_namekey_is_particle(s, n))
            f |= U_PARTICLE;
        else if (IN(*lex = lex_known(lex, s, n), NAME_LINKS))
            f |= U_CONNECT;
    }
    if ((f & U_CAP) && !(f & U_ALLCAPS) && n <= 16 && (sr_wordset_has(&sr_function_words, s, n) ||
                                   IN(*lex = lex_known(lex, s, n), CALENDAR)))
        f |= U_FUNC;
    return f;
}

/* The flags of a unit that is a whole token, from what the tokenizer
 * found out already (case), plus the word classes. */
static uint16_t token_unit_flags(const char *s, size_t n, const sitrep_token *t, bool opens,
                                 sr_lexid *lex)
{
    if (t->kind == SITREP_TOK_NUMBER)
        return U_NUM;
    if (!(t->flags & SITREP_TOKF_CAP) || (unsigned char)s[0] >= 0x80)
        return unit_flags(s, n, lex);
    uint16_t f = U_CAP;
    /* a capitalised function word ("The", "But") opens a sentence or a
     * quote; mid-sentence it starts a name ("The Associated Press") */
    if (t->flags & SITREP_TOKF_ALLCAPS)
        f |= U_ALLCAPS;
    else if (n <= 16 && ((opens && sr_wordset_has(&sr_function_words, s, n)) ||
                         IN(*lex = lex_known(lex, s, n), CALENDAR)))
        f |= U_FUNC;
    return f;
}

/* Body token i's lexicon entry as lex_of would find it for its n bytes,
 * from the word information when the pipeline worked it out (words only:
 * other tokens have none there); else LEX_UNSET. */
static sr_lexid token_lex(const ent_state *st, size_t i, size_t n)
{
    if (!st->wi || i >= st->nwi || st->tok[i].kind != SITREP_TOK_WORD)
        return LEX_UNSET;
    return n <= 64 ? st->wi[i].lex : 0;
}

static bool push_unit(ent_state *st, uint32_t s, uint32_t e, uint32_t tok, uint32_t wend,
                      uint16_t flags, const sitrep_token *whole)
{
    sr_lexid lex = LEX_UNSET;
    if (whole)
        lex = token_lex(st, tok, e - s);
    uint16_t uf = whole ? token_unit_flags(st->src + s, e - s, whole, (flags & U_PBREAK) != 0, &lex)
                        : unit_flags(st->src + s, e - s, &lex);
    unit x = {s, e, tok, wend, 0, NORM_NONE, (uint16_t)(flags | uf), lex};
    /* a word that can be part of a name is normalised once, here */
    if (!(x.flags & U_LOWER) || (x.flags & (U_PARTICLE | U_CONNECT | U_HYPH))) {
        if (st->norm.cap - st->norm.len < 64 && !sr_buf_reserve(&st->norm, 64)) {
            st->oom = true;
            return false;
        }
        size_t m = sr_namekey_normalize(st->src + s, e - s,
                                        (unsigned char *)st->norm.data + st->norm.len, 64);
        if (m < NORM_NONE) {
            x.norm = (uint32_t)st->norm.len;
            x.norm_len = (uint8_t)m;
            st->norm.len += m;
        }
    }
    if ((x.flags & MARKED) && st->marked_ok) {
        uint32_t at = (uint32_t)SR_VEC_COUNT(&st->units, unit);
        if (st->marked.cap - st->marked.len >= sizeof at) { /* reserved up front */
            memcpy(st->marked.data + st->marked.len, &at, sizeof at);
            st->marked.len += sizeof at;
        } else if (!SR_VEC_PUSH(&st->marked, uint32_t, at)) {
            st->marked_ok = false;
        }
    }
    if (st->units.cap - st->units.len > sizeof x) { /* reserved up front */
        memcpy(st->units.data + st->units.len, &x, sizeof x);
        st->units.len += sizeof x;
    } else if (!SR_VEC_PUSH(&st->units, unit, x)) {
        st->oom = true;
        return false;
    }
    return true;
}

/* A "." after an abbreviation ("Gen.", "Lt.") does not interrupt a name
 * unless a sentence starts after it. */
static bool soft_period(const sitrep_token *t, size_t i, size_t n, const char *src)
{
    /* "Citizens' Defence Movement": a plural possessive inside a name */
    if (i > 0 && i + 1 < n && (src[t[i].start] == '\'' || (t[i].end - t[i].start == 3 &&
                                                          memcmp(src + t[i].start, "\xE2\x80\x99", 3) == 0)) &&
        t[i - 1].kind == SITREP_TOK_WORD && t[i - 1].end == t[i].start &&
        src[t[i - 1].end - 1] == 's' && (t[i - 1].flags & SITREP_TOKF_CAP) &&
        (t[i + 1].flags & SITREP_TOKF_CAP) && !(t[i + 1].flags & SITREP_TOKF_SENT_START))
        return true;
    if (src[t[i].start] != '.' || i == 0 || i + 1 >= n)
        return false;
    if (t[i + 1].flags & SITREP_TOKF_SENT_START)
        return false;
    return t[i - 1].kind == SITREP_TOK_WORD && t[i - 1].end == t[i].start;
}

static void build_units(ent_state *st)
{
    size_t nt;
    const sitrep_token *t = st->tok;
    nt = st->ntok;
    const char *src = st->src;
    bool brk = true, pbrk = true;
    if (!sr_buf_reserve(&st->units, (nt + nt / 8 + 1) * sizeof(unit))) {
        st->oom = true;
        return;
    }
    if (!sr_buf_reserve(&st->marked, (nt / 2 + 1) * sizeof(uint32_t)))
        st->marked_ok = false;
    /* token_lex of a plain word (a plain token is a word) */
    const sr_wordinfo *wi = st->wi;
    size_t nwi = wi ? st->nwi : 0;
    for (size_t i = 0; i < nt && !st->oom; i++) {
        if (t[i].kind == SITREP_TOK_PUNCT || t[i].kind == SITREP_TOK_SYMBOL) {
            /* "Armed Conflict Location & Event Data": an ampersand between
             * capitalised words joins a name, as "and" does */
            bool amp = t[i].end - t[i].start == 1 && src[t[i].start] == '&' && i > 0 && i + 1 < nt &&
                       (t[i - 1].flags & SITREP_TOKF_CAP) && (t[i + 1].flags & SITREP_TOKF_CAP);
            if (!amp && !soft_period(t, i, nt, src))
                pbrk = true;
            continue;
        }
        uint16_t f0 = brk ? U_BREAK : 0;
        if (pbrk)
            f0 |= U_BREAK | U_PBREAK;
        if (t[i].flags & SITREP_TOKF_SENT_START)
            f0 |= U_BREAK | U_PBREAK | U_SENT;
        brk = pbrk = false;
        uint32_t s = t[i].start, e = t[i].end, wend = e;
        /* a plain word (ASCII letters): one unit, no hyphen or possessive */
        if (t[i].flags & SITREP_TOKF_PLAIN) {
            /* a lower-case word with no capitalised word next to it joins no
             * name: whether it is a particle or connective does not matter */
            if (!(t[i].flags & SITREP_TOKF_CAP) && (i == 0 || !(t[i - 1].flags & SITREP_TOKF_CAP)) &&
                (i + 1 == nt || !(t[i + 1].flags & SITREP_TOKF_CAP)) &&
                st->units.cap - st->units.len > sizeof(unit)) {
                unit x = {s, e, (uint32_t)i, e, 0, NORM_NONE, (uint16_t)(f0 | U_LOWER),
                          i < nwi ? (e - s <= 64 ? wi[i].lex : 0) : LEX_UNSET};
                memcpy(st->units.data + st->units.len, &x, sizeof x);
                st->units.len += sizeof x;
                continue;
            }
            push_unit(st, s, e, (uint32_t)i, e, f0, &t[i]);
            continue;
        }
        size_t cut = 0;
        bool poss = t[i].kind == SITREP_TOK_WORD && ends_possessive(src + s, e - s, &cut);
        if (poss)
            e -= (uint32_t)cut;
        if (t[i].kind != SITREP_TOK_WORD) {
            push_unit(st, s, e, (uint32_t)i, wend, f0, &t[i]);
            continue;
        }
        /* most words have no hyphen: one unit, the token's own flags */
        const char *p = src + s, *pe = src + e;
        while (p < pe && *p != '-' && (unsigned char)*p != 0xE2)
            p++;
        if (p == pe) {
            /* "Iraq's Anbar": two names; "People's Protection Units",
             * "Lord's Resistance Army": one, the possessive a word of it
             * (name_possessives) */
            if (poss && (t[i].flags & SITREP_TOKF_CAP) && IN(lex_of(src + s, e - s), NAME_POSSESSIVES)) {
                e += (uint32_t)cut;
                poss = false;
            }
            push_unit(st, s, e, (uint32_t)i, wend, (uint16_t)(f0 | (poss ? U_POSS : 0)),
                      poss ? NULL : &t[i]);
            if (poss)
                brk = true;
            continue;
        }
        /* split at inner hyphens: '-', U+2010 and U+2011 (E2 80 90/91) */
        uint32_t a = s;
        for (uint32_t j = s; j <= e;) {
            size_t len = 1;
            bool cut = j == e;
            if (!cut) {
                unsigned char c = (unsigned char)src[j];
                if (c == '-') {
                    cut = true;
                } else if (c == 0xE2 && j + 2 < e && (unsigned char)src[j + 1] == 0x80 &&
                           ((unsigned char)src[j + 2] == 0x90 ||
                            (unsigned char)src[j + 2] == 0x91)) {
                    cut = true;
                    len = 3;
                }
            }
            if (cut) {
                if (j > a) {
                    uint16_t f = a == s ? f0 : U_HYPH;
                    if (j == e && poss)
                        f |= U_POSS;
                    push_unit(st, a, j, (uint32_t)i, wend, f, NULL);
                }
                a = j + (uint32_t)len;
            }
            j += (uint32_t)len;
        }
        if (poss)
            brk = true; /* "Iraq's Anbar": two names */
    }
    st->u = (unit *)(void *)st->units.data;
    st->nu = SR_VEC_COUNT(&st->units, unit);
}

/* Unit i's lexicon entry, looked up the first time it is asked for: most
 * words are never asked about. */
static sr_lexid ulex(const ent_state *st, size_t i)
{
    unit *x = &st->u[i];
    if (x->lex == LEX_UNSET)
        x->lex = lex_of(st->src + x->start, x->end - x->start);
    return x->lex;
}

/* Is unit i a word of class c (data/lex/entities.lex)? */
#define UNIT_IS(st, i, c) ((i) < (st)->nu && IN(ulex((st), (i)), c))

/* How many units from i a phrase of class c spans (0 when none). */
static size_t unit_phrase(const ent_state *st, size_t i, enum sr_lexclass c)
{
    if (i >= st->nu || !sr_lex_heads(ulex(st, i), c))
        return 0;
    const char *w[8];
    size_t l[8], n = 0;
    for (size_t k = i; k < st->nu && n < 8; k++, n++) {
        w[n] = st->src + st->u[k].start;
        l[n] = st->u[k].end - st->u[k].start;
    }
    sr_lexid id;
    return sr_lex_phrase(c, w, l, n, ulex(st, i), &id);
}

/* A particle that joins a name: "al-Hol", "al Qaeda", never "at Incirlik". */
static inline bool joining_particle(const ent_state *st, size_t i)
{
    return (st->u[i].flags & U_PARTICLE) &&
           ((i + 1 < st->nu && (st->u[i + 1].flags & U_HYPH)) ||
            UNIT_IS(st, i, JOINING_PARTICLES));
}

/* Adds unit i to a name key, from its normalised bytes when it has them. */
static inline bool key_add(const ent_state *st, sr_namekey *k, size_t i)
{
    const unit *x = &st->u[i];
    if (x->norm_len != NORM_NONE)
        return sr_namekey_add_norm(k, (const unsigned char *)st->norm.data + x->norm, x->norm_len);
    return sr_namekey_add(k, st->src + x->start, x->end - x->start);
}

/* Can a name end with this unit? */
static bool name_end(const unit *x)
{
    return (x->flags & (U_CAP | U_ALLCAPS | U_NUM)) && !(x->flags & U_LOWER);
}

/* Can a chunk go on into unit i (after the chunk's first unit)? */
static bool chunk_continues(const ent_state *st, size_t i)
{
    const unit *x = &st->u[i];
    if (x->flags & U_BREAK)
        return false;
    if (st->u[i - 1].flags & U_POSS)
        return false;
    if (x->flags & (U_CAP | U_ALLCAPS | U_NUM))
        return true;
    /* "Tehrik-e-Taliban": a lower-case link inside a hyphenated name */
    if ((x->flags & U_HYPH) && i + 1 < st->nu && (st->u[i + 1].flags & U_HYPH) &&
        (st->u[i + 1].flags & U_CAP) && x->end - x->start <= 3)
        return true;
    /* a standalone particle that is also an English word ("at", "as",
     * "an") does not join names; "al", "el" and hyphenated ones do */
    if ((x->flags & U_PARTICLE) && !(i + 1 < st->nu && (st->u[i + 1].flags & U_HYPH)) &&
        !UNIT_IS(st, i, JOINING_PARTICLES))
        return false;
    if (x->flags & (U_PARTICLE | U_CONNECT)) {
        /* only between capitalised units: "Bab al-Hawa", "Ministry of Defence" */
        size_t j = i + 1;
        while (j < st->nu && !(st->u[j].flags & U_BREAK) &&
               (st->u[j].flags & (U_PARTICLE | U_CONNECT)) && j < i + 3)
            j++;
        /* "Zabqarin on Monday", "Tal Tamr in March": a date after such a
         * link starts no name ("the Movement of April 19" stays one) */
        if (j == i + 1 && UNIT_IS(st, i, DATE_LINKS) && j < st->nu && (st->u[j].flags & U_FUNC) &&
            UNIT_IS(st, j, CALENDAR))
            return false;
        return j < st->nu && !(st->u[j].flags & U_BREAK) && (st->u[j].flags & U_CAP);
    }
    return false;
}

/* ---- entities ---- */

static sr_entity *ent_at(ent_state *st, uint32_t i)
{
    return &SR_VEC_AT(&st->doc->entities, sr_entity, i);
}

static size_t ent_count(const ent_state *st)
{
    return SR_VEC_COUNT(&st->doc->entities, sr_entity);
}

/* The slot of id in id_slots (its own, or the empty one where it goes);
 * SIZE_MAX when there is no table. */
static size_t id_slot(const ent_state *st, uint64_t id)
{
    size_t cap = st->id_slots.len / sizeof(uint32_t);
    if (cap == 0)
        return SIZE_MAX;
    const uint32_t *slot = (const uint32_t *)(const void *)st->id_slots.data;
    const uint64_t *ids = (const uint64_t *)(const void *)st->ids.data;
    size_t h = (size_t)((id * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
    while (slot[h] && ids[slot[h] - 1] != id)
        h = (h + 1) & (cap - 1);
    return h;
}

/* id_slots at least twice as large as the ids after one more, all of them
 * in it; false (no table: entity_for scans) when out of memory. */
static bool id_slots_fit(ent_state *st, size_t n)
{
    size_t cap = st->id_slots.len / sizeof(uint32_t);
    if (cap >= 2 * (n + 1))
        return true;
    size_t want = cap ? cap : 64;
    while (want < 2 * (n + 1))
        want *= 2;
    st->id_slots.len = 0;
    if (!sr_buf_reserve(&st->id_slots, want * sizeof(uint32_t)))
        return false;
    st->id_slots.len = want * sizeof(uint32_t);
    memset(st->id_slots.data, 0, st->id_slots.len);
    const uint64_t *ids = (const uint64_t *)(const void *)st->ids.data;
    uint32_t *slot = (uint32_t *)(void *)st->id_slots.data;
    for (size_t i = 0; i < n; i++)
        slot[id_slot(st, ids[i])] = (uint32_t)(i + 1);
    return true;
}

/* A copy of a name read from the text, its breaks and runs of blanks one
 * space each: a name wrapped across lines ("European Economic\nCommunity")
 * is named as it is written on one. */
static char *name_copy(sr_arena *a, const char *s, size_t n)
{
    char *d = sr_arena_strndup(a, s, n);
    if (d == NULL)
        return NULL;
    size_t w = 0;
    for (size_t r = 0; r < n; r++) {
        char ch = d[r];
        bool blank = ch == ' ' || (ch >= '\t' && ch <= '\r');
        if (blank && (w == 0 || d[w - 1] == ' '))
            continue;
        d[w++] = blank ? ' ' : ch;
    }
    while (w > 0 && d[w - 1] == ' ')
        w--;
    d[w] = '\0';
    return d;
}

/* The entity with this identity, made when new. */
static uint32_t entity_for(ent_state *st, uint64_t id, sitrep_entity_kind kind, const char *name,
                           size_t name_len, bool copy)
{
    const uint64_t *ids = (const uint64_t *)(const void *)st->ids.data;
    size_t n = SR_VEC_COUNT(&st->ids, uint64_t);
    /* the ids by hash (ids are unique: the one found is the one) */
    size_t h = n < UINT32_MAX - 1 && id_slots_fit(st, n) ? id_slot(st, id) : SIZE_MAX;
    if (h != SIZE_MAX) {
        uint32_t at = ((const uint32_t *)(const void *)st->id_slots.data)[h];
        if (at)
            return at - 1;
    } else {
        for (uint32_t i = 0; i < n; i++)
            if (ids[i] == id)
                return i;
    }
    if (!SR_VEC_PUSH(&st->ids, uint64_t, id)) {
        st->oom = true;
        return UINT32_MAX;
    }
    sr_entity e;
    memset(&e, 0, sizeof e);
    e.id = id;
    e.gaz = UINT32_MAX;
    e.actor = -1;
    e.e.kind = kind;
    e.e.lat = e.e.lon = NAN;
    e.e.name = copy ? name_copy(&st->doc->arena, name, name_len) : name;
    if (e.e.name == NULL || !SR_VEC_PUSH(&st->doc->entities, sr_entity, e)) {
        st->ids.len -= sizeof id; /* ids and entities stay side by side */
        st->oom = true;
        return UINT32_MAX;
    }
    if (h != SIZE_MAX)
        ((uint32_t *)(void *)st->id_slots.data)[h] = (uint32_t)(n + 1);
    return (uint32_t)(ent_count(st) - 1);
}

static uint32_t actor_entity(ent_state *st, int32_t a)
{
    const sr_actor *ac = &sr_actors[a];
    uint32_t i = entity_for(st, (1ull << 60) | (uint64_t)a, (sitrep_entity_kind)ac->kind,
                            ac->name, 0, false);
    if (i != UINT32_MAX && ent_at(st, i)->actor < 0) {
        sr_entity *e = ent_at(st, i);
        e->actor = a;
        e->e.source |= SITREP_FOUND_KB;
        memcpy(e->country, ac->country, 3); /* e.country is set by finish() */
        if (ac->parent >= 0)
            e->e.parent = sr_actors[ac->parent].name;
    }
    return i;
}

static uint64_t span_key(const ent_state *st, size_t u0, size_t u1)
{
    sr_namekey k;
    sr_namekey_init(&k);
    for (size_t i = u0; i < u1; i++)
        key_add(st, &k, i);
    return sr_namekey_value(&k);
}

static uint32_t named_entity(ent_state *st, size_t u0, size_t u1, sitrep_entity_kind kind,
                             uint32_t found)
{
    uint64_t key = span_key(st, u0, u1);
    uint32_t s = st->u[u0].start, e = st->u[u1 - 1].end;
    uint32_t i = entity_for(st, (3ull << 60) ^ (key & ((1ull << 60) - 1)) ^ (uint64_t)kind << 56,
                            kind, st->src + s, e - s, true);
    if (i != UINT32_MAX)
        ent_at(st, i)->e.source |= found;
    return i;
}

static void add_cand(ent_state *st, size_t u0, size_t u1, uint8_t type, uint32_t entity,
                     uint64_t key)
{
    if (entity == UINT32_MAX && type == C_ENTITY)
        return;
    cand c = {(uint32_t)u0, (uint32_t)u1, st->u[u0].start, st->u[u1 - 1].end, st->u[u0].start,
              st->u[u1 - 1].end, type, false, false, false, entity, key};
    if (!SR_VEC_PUSH(&st->cands, cand, c))
        st->oom = true;
}

/* ---- lookups ---- */

/* Does the text spell [u0, u1) exactly as `exact`? */
static bool spelled(const ent_state *st, size_t u0, size_t u1, const char *exact)
{
    uint32_t s = st->u[u0].start, e = st->u[u1 - 1].end;
    size_t n = strlen(exact);
    return n == e - s && memcmp(st->src + s, exact, n) == 0;
}

/* The first contributing unit (not a particle). */
static size_t first_content(const ent_state *st, size_t u0, size_t u1)
{
    while (u0 + 1 < u1 && (st->u[u0].flags & U_PARTICLE))
        u0++;
    return u0;
}

static int32_t kb_lookup(const ent_state *st, uint64_t key, size_t u0, size_t u1)
{
    bool cap = (st->u[first_content(st, u0, u1)].flags & (U_CAP | U_ALLCAPS | U_NUM)) != 0;
    for (uint32_t s = (uint32_t)key & sr_actor_alias_mask;; s = (s + 1) & sr_actor_alias_mask) {
        const sr_actor_alias *a = &sr_actor_aliases[s];
        if (a->key == 0)
            return -1;
        if (a->key != key)
            continue;
        if (a->exact ? spelled(st, u0, u1, a->exact) : cap)
            return (int32_t)a->actor;
    }
}

/* Another actor with the same name as actor `a` ("SNA": the Syrian and the
 * Somali National Army), the one whose country the document talks about
 * most; `a` when there is no other. */
static int32_t kb_in_context(const ent_state *st, uint64_t key, int32_t a, const cand *c);

static int64_t learned_lookup(const ent_state *st, uint64_t key, size_t u0, size_t u1)
{
    size_t n = SR_VEC_COUNT(&st->learned, learned);
    for (size_t i = 0; i < n; i++) {
        const learned *l = &SR_VEC_AT(&st->learned, learned, i);
        /* an empty span [u0, u0) asks for the key alone, whatever the spelling */
        if (l->key == key && (l->exact == NULL || u1 == u0 || spelled(st, u0, u1, l->exact)))
            return l->entity;
    }
    return -1;
}

static void learn(ent_state *st, uint64_t key, uint32_t entity, const char *s, size_t n,
                  bool exact)
{
    if (key == 0 || entity == UINT32_MAX || learned_lookup(st, key, 0, 0) >= 0)
        return;
    learned l = {key, entity, exact ? sr_arena_strndup(&st->doc->arena, s, n) : NULL};
    if ((exact && l.exact == NULL) || !SR_VEC_PUSH(&st->learned, learned, l))
        st->oom = true;
}

/* Does the gazetteer know this name, in a usable form? */
static bool gaz_has(const ent_state *st, uint64_t key, size_t u0, size_t u1)
{
    if (st->gaz == NULL || key == 0)
        return false;
    /* a place name starts and ends with a capital */
    uint16_t ff = st->u[first_content(st, u0, u1)].flags;
    if (!(ff & (U_CAP | U_ALLCAPS)) || (ff & U_FUNC) || !(st->u[u1 - 1].flags & (U_CAP | U_ALLCAPS | U_NUM)))
        return false;
    uint32_t ids[1];
    return sr_gaz_lookup(st->gaz, key, ids, 1) > 0;
}

/* ---- people ---- */


/* Always inline: strlen of the literal and the compare then fold (out of
 * line, both ran at every one of the many calls). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool token_text_is(const ent_state *st, size_t tok, const char *s)
{
    size_t nt;
    const sitrep_token *t = st->tok;
    nt = st->ntok;
    if (tok >= nt)
        return false;
    size_t n = strlen(s);
    return t[tok].end - t[tok].start == n && memcmp(st->src + t[tok].start, s, n) == 0;
}

/* The longest title ending at unit u1 (exclusive) and starting at or after
 * lo; returns its first unit or SIZE_MAX. */
static size_t title_before(const ent_state *st, size_t lo, size_t u1, bool *lower)
{
    for (size_t len = sr_title_max_units; len >= 1; len--) {
        if (u1 < lo + len)
            continue;
        size_t u0 = u1 - len;
        bool ok = true;
        for (size_t i = u0 + 1; i < u1; i++)
            ok = ok && !(st->u[i].flags & U_BREAK);
        if (ok && span_key(st, u1 - 1, u1) != 0 && is_title_key(span_key(st, u0, u1), lower))
            return u0;
    }
    return SIZE_MAX;
}

/* Is unit i a lower-case role noun ("commander", "spokesman")? */
static bool role_noun(const ent_state *st, size_t i)
{
    bool lower = false;
    return i < st->nu && (st->u[i].flags & U_LOWER) &&
           is_title_key(span_key(st, i, i + 1), &lower) && lower;
}

/* A person name: 1..SR_PERSON_UNITS capitalised units, particles inside. */
static bool looks_like_name(const ent_state *st, size_t u0, size_t u1, bool single_ok)
{
    size_t caps = 0;
    if (u1 <= u0 || u1 - u0 > SR_PERSON_UNITS + 2)
        return false;
    if (!(st->u[u0].flags & U_CAP) || !(st->u[u1 - 1].flags & U_CAP))
        return false;
    for (size_t i = u0; i < u1; i++) {
        const unit *x = &st->u[i];
        if (x->flags & (U_NUM | U_FUNC))
            return false;
        if (x->flags & U_CAP) {
            if ((x->flags & U_ALLCAPS) && x->end - x->start > 1)
                return false;
            caps++;
        } else if (!(x->flags & U_PARTICLE) &&
                   !UNIT_IS(st, i, PERSON_LINKS)) {
            return false;
        }
        if (IN(ulex(st, i), ORG_HEADS))
            return false;
    }
    return caps >= (single_ok ? 1u : 2u) && caps <= SR_PERSON_UNITS;
}

/* The appositive role after a name: ", the commander of CENTCOM," ->
 * "commander of CENTCOM".  Returns true with the role's byte range. */
static bool appositive_role(const ent_state *st, size_t u1, size_t *r0, size_t *r1)
{
    if (u1 >= st->nu || !(st->u[u1].flags & U_BREAK) || (st->u[u1].flags & U_SENT))
        return false;
    uint32_t prev_tok = st->u[u1 - 1].tok;
    if (!token_text_is(st, prev_tok + 1, ","))
        return false;
    size_t i = u1;
    while (i < st->nu && (UNIT_IS(st, i, ARTICLES) || UNIT_IS(st, i, ROLE_OPENERS)))
        i++;
    size_t first = i;
    bool noun = false;
    size_t last = i;
    for (; i < st->nu && i < first + 12; i++) {
        if (i > u1 && (st->u[i].flags & U_PBREAK)) {
            /* the role ends at the next comma or sentence end */
            break;
        }
        if (role_noun(st, i))
            noun = true;
        last = i;
    }
    /* "X, a clan elder in Beledweyne, said": an article and a common noun
     * make a role too, when a comma closes it */
    if (!noun && first > u1 && first < st->nu && (st->u[first].flags & U_LOWER) &&
        !(st->u[first].flags & (U_CONNECT | U_PARTICLE)) && last + 1 < st->nu &&
        (st->u[last + 1].flags & U_PBREAK) && !(st->u[last + 1].flags & U_SENT) &&
        UNIT_IS(st, u1, ARTICLES) && !UNIT_IS(st, first, NOT_ROLES))
        noun = true;
    if (!noun || last < first)
        return false;
    /* the role without a leading article: "commander of CENTCOM" */
    *r0 = u1;
    for (size_t k = u1; k < first; k++)
        if (UNIT_IS(st, k, ARTICLES))
            *r0 = k + 1;
    *r1 = last + 1;
    return true;
}

/* The role stated before a name set off by commas: "Sudan's army chief,
 * Gen. Abdel Fattah al-Burhan, said" -> "Sudan's army chief".  `start` is
 * the first unit of the title or name. */
static bool role_before(const ent_state *st, size_t start, size_t *r0, size_t *r1)
{
    if (start < 2 || !(st->u[start].flags & U_PBREAK) || (st->u[start].flags & U_SENT))
        return false;
    size_t k = start - 1;
    if (!role_noun(st, k))
        return false;
    size_t a = k;
    while (a > 0 && a + 4 > k && !(st->u[a].flags & U_PBREAK) &&
           !UNIT_IS(st, a - 1, ARTICLES) && !UNIT_IS(st, a - 1, ROLE_STOPS) &&
           !(st->u[a - 1].flags & U_FUNC))
        a--;
    *r0 = a;
    *r1 = k + 1;
    return true;
}

/* Sets a person's role from the units [r0, r1), words joined by single
 * spaces (the input may have line breaks or glued words there).  A role
 * stated in an appositive (rank 3) beats a role noun before the name (2),
 * which beats a bare title (1). */
static void set_role(ent_state *st, uint32_t entity, size_t r0, size_t r1, uint8_t rank)
{
    if (entity == UINT32_MAX || r1 <= r0)
        return;
    sr_entity *x = ent_at(st, entity);
    if (x->e.role && x->role_rank >= rank)
        return;
    size_t n = 0;
    for (size_t i = r0; i < r1; i++)
        n += st->u[i].wend - st->u[i].start + 1;
    char *role = sr_arena_alloc(&st->doc->arena, n + 1);
    if (role == NULL) {
        st->oom = true;
        return;
    }
    size_t w = 0;
    for (size_t i = r0; i < r1; i++) {
        if (i > r0)
            role[w++] = (st->u[i].flags & U_HYPH) ? '-' : ' ';
        uint32_t e = (st->u[i].flags & U_POSS) ? st->u[i].wend : st->u[i].end;
        memcpy(role + w, st->src + st->u[i].start, e - st->u[i].start);
        w += e - st->u[i].start;
    }
    role[w] = '\0';
    x->e.role = role;
    x->role_rank = rank;
}

static uint32_t person_entity(ent_state *st, size_t u0, size_t u1)
{
    uint32_t i = named_entity(st, u0, u1, SITREP_ENTITY_PERSON, SITREP_FOUND_PATTERN);
    if (i != UINT32_MAX)
        ent_at(st, i)->surname = span_key(st, u1 - 1, u1);
    return i;
}

/* Where a person's mention starts: at the title written with capitals
 * before the name and the capitalised words of the chunk before it
 * ("Russian Foreign Minister Sergei Lavrov", "U.S. Army Gen. Joseph
 * Votel"), as an analyst quotes the person; a lower-case role ("spokesman
 * John Kirby") and a leading article stay outside.  The entity's name is
 * the name alone; the mentions inside the span ("Russian", "U.S. Army")
 * stay mentions of their own. */
static bool is_common_word(const ent_state *st, size_t i);
static bool is_org_head(const ent_state *st, size_t i);

static size_t person_span(ent_state *st, cand *c, size_t t0, size_t c0)
{
    size_t m0 = t0;
    /* not a common word opening the sentence: "Yesterday Sgt. X" */
    /* "In Iraq Prime Minister X": not over a place after a locative */
    while (m0 > c0 && !(st->u[m0].flags & U_BREAK) &&
           !(m0 >= 2 && (st->u[m0 - 2].flags & (U_LOWER | U_FUNC)) && UNIT_IS(st, m0 - 2, PLACE_PREPS) &&
             !(st->u[m0 - 1].flags & U_BREAK)) &&
           ((st->u[m0 - 1].flags & (U_CAP | U_ALLCAPS)) || (st->u[m0 - 1].flags & U_CONNECT)) &&
           !(st->u[m0 - 1].flags & U_FUNC) &&
           !((st->u[m0 - 1].flags & U_SENT) && !(st->u[m0 - 1].flags & U_ALLCAPS) &&
             is_common_word(st, m0 - 1) && !is_org_head(st, m0 - 1)))
        m0--;
    while (m0 < t0 && (st->u[m0].flags & (U_CONNECT | U_PARTICLE | U_FUNC)))
        m0++;
    c->u0 = (uint32_t)m0;
    c->start = st->u[m0].start;
    c->wrapper = true;
    return m0;
}

/* Tries [u0, u1) as a person from its context; true when it is one.
 * chunk0: where a title may start; c0: the chunk's first unit. */
static bool try_person_by(ent_state *st, size_t u0, size_t u1, size_t chunk0, size_t c0, bool coord);
static bool try_person(ent_state *st, size_t u0, size_t u1, size_t chunk0, size_t c0)
{
    return try_person_by(st, u0, u1, chunk0, c0, false);
}

/* try_person; `coord`: the name is joined by "and" or "or" to another
 * person's name ("Rosa Mendez and Juan Perez"), evidence of its own */
static bool try_person_by(ent_state *st, size_t u0, size_t u1, size_t chunk0, size_t c0, bool coord)
{
    /* the cheap test first: could these words be a name at all? */
    if (!looks_like_name(st, u0, u1, true))
        return false;
    bool lower = false;
    size_t t0 = title_before(st, chunk0, u0, &lower);
    bool by_title = t0 != SIZE_MAX;
    if (!by_title && u0 > 0 && u0 == chunk0 && role_noun(st, u0 - 1))
        by_title = true, t0 = u0 - 1, lower = true;
    size_t r0 = 0, r1 = 0;
    bool appos = appositive_role(st, u1, &r0, &r1);
    bool before = !appos && role_before(st, by_title ? t0 : u0, &r0, &r1);
    appos = appos || before;
    /* "his son, Ahmed,": a given name alone set off after a role noun */
    bool alone = before && u1 == u0 + 1 && (st->u[u0].flags & U_CAP) &&
                 sr_wordset_has(&sr_given_names, st->src + st->u[u0].start, st->u[u0].end - st->u[u0].start);
    bool speech_after = u1 < st->nu && UNIT_IS(st, u1, PERSON_VERBS) &&
                        !(st->u[u1].flags & U_BREAK);
    /* "told X", "according to X", "led by X", "killed X Y" (a name of two
     * words or more) */
    bool speech_before = u0 == chunk0 && u0 > 0 && !(st->u[u0].flags & U_BREAK) &&
                         (UNIT_IS(st, u0 - 1, PERSON_VERBS) ||
                          (u1 - u0 >= 2 && (st->u[u0 - 1].flags & U_LOWER) &&
                           UNIT_IS(st, u0 - 1, VICTIM_VERBS)) ||
                          (u0 > 1 && unit_phrase(st, u0 - 2, SR_LEX_ENTITIES_PERSON_INTRODUCERS) == 2));
    /* "Dana Okafor, who ...": a relative pronoun only a person takes,
     * after a name of two words or more */
    bool who_after = u1 - u0 >= 2 && u1 < st->nu && UNIT_IS(st, u1, PERSON_RELATIVES) &&
                     (st->u[u1].flags & U_LOWER) && !(st->u[u1].flags & U_SENT) &&
                     (!(st->u[u1].flags & U_BREAK) || token_text_is(st, st->u[u1 - 1].tok + 1, ","));
    if (!looks_like_name(st, u0, u1, by_title || alone))
        return false;
    /* "General Motors", "General Assembly": a rank spelled out as a word
     * of the dictionary before one other such word names no person */
    if (by_title && !lower && u1 == u0 + 1 && t0 + 1 == u0 && is_common_word(st, t0) &&
        is_common_word(st, u0) && !(appos || speech_before) &&
        st->u[t0].end - st->u[t0].start >= 5 && st->src[st->u[t0].end] != '.') {
        uint32_t o = named_entity(st, t0, u1, SITREP_ENTITY_ORGANIZATION, SITREP_FOUND_PATTERN);
        if (o != UINT32_MAX)
            add_cand(st, t0, u1, C_ENTITY, o, 0);
        return true;
    }
    /* a known given name before another name: "Ahmed al-Sharaa" */
    bool given = u1 - u0 >= 2 && (st->u[u0].flags & U_CAP) &&
                 sr_wordset_has(&sr_given_names, st->src + st->u[u0].start,
                                st->u[u0].end - st->u[u0].start) &&
                 !(st->u[u0 + 1].flags & U_FUNC);
    if (!(by_title || appos || speech_after || speech_before || given || coord || who_after))
        return false;
    uint32_t e = person_entity(st, u0, u1);
    if (e == UINT32_MAX)
        return true;
    add_cand(st, u0, u1, C_ENTITY, e, 0);
    /* a title written with capitals is part of the mention, and with the
     * capitalised words before it the stated role ("Russian Foreign
     * Minister") */
    bool capital_title = by_title && (st->u[t0].flags & (U_CAP | U_ALLCAPS));
    size_t m0 = t0;
    if (capital_title && !st->oom)
        m0 = person_span(st, &SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1), t0, c0);
    if (appos) {
        set_role(st, e, r0, r1, 3);
    } else if (by_title) {
        /* a role noun with what precedes it: "CENTCOM commander", "military commander" */
        size_t s0 = capital_title ? m0 : t0;
        if (!capital_title && lower && t0 > 0 && !(st->u[t0].flags & U_BREAK) &&
            !(st->u[t0 - 1].flags & U_FUNC) &&
            !UNIT_IS(st, t0 - 1, ARTICLES) && !UNIT_IS(st, t0 - 1, ROLE_STOPS) &&
            !UNIT_IS(st, t0 - 1, VICTIM_VERBS) && !UNIT_IS(st, t0 - 1, PERSON_VERBS))
            s0 = t0 - 1;
        set_role(st, e, s0, u0, lower ? 2 : 1);
        /* "Iranian Foreign Minister X": the person's country */
        size_t cu = m0 < t0 ? m0 : t0 - 1; /* the first word before the title */
        if (t0 > 0 && (m0 < t0 || !(st->u[t0].flags & U_PBREAK)) && st->gaz &&
            !ent_at(st, e)->country[0]) {
            uint32_t ids[4];
            size_t n = sr_gaz_lookup(st->gaz, span_key(st, cu, cu + 1), ids, 4);
            for (size_t j = 0; j < n && j < 4; j++) {
                sr_place p;
                sr_gaz_place(st->gaz, ids[j], &p);
                if (p.kind == SR_PLACE_DEMONYM || p.kind == SR_PLACE_COUNTRY) {
                    memcpy(ent_at(st, e)->country, p.country, 3);
                    break;
                }
            }
        }
    }
    return true;
}

/* ---- organisations by pattern ---- */

static bool is_org_head(const ent_state *st, size_t i)
{
    const unit *x = &st->u[i];
    return (x->flags & U_CAP) &&
           IN(ulex(st, i), ORG_HEADS);
}

static bool is_common_word(const ent_state *st, size_t i)
{
    /* the dictionary has it in lower case: "Security", "Reading", not
     * "Baghdad"; asked once per unit (both readings of the places ask it
     * of every name, and a probe of the dictionary's table is most often
     * a cache miss) */
    unit *x = &st->u[i];
    if (!(x->flags & U_COMMON_ASKED))
        x->flags |= (uint16_t)(U_COMMON_ASKED |
                               (sr_wordset_has(&sr_common_words, st->src + x->start, x->end - x->start)
                                    ? U_COMMON
                                    : 0));
    return (x->flags & U_COMMON) != 0;
}

static sitrep_entity_kind org_kind(const ent_state *st, size_t o0, size_t head)
{
    int32_t k = sr_lex_value(ulex(st, head), SR_LEX_ENTITIES_ORG_HEADS,
                             SR_LEXCOL_ENTITIES_ORG_HEADS_KIND);
    if (k == SR_LEXE_ENTITIES_ORG_HEADS_KIND_MEDIA)
        return SITREP_ENTITY_MEDIA;
    /* a national modifier makes forces a state's: "Iraqi Security Forces" */
    bool national = false;
    for (size_t i = o0; i < head; i++) {
        uint64_t key = span_key(st, i, i + 1);
        uint32_t ids[4];
        size_t n = st->gaz ? sr_gaz_lookup(st->gaz, key, ids, 4) : 0;
        for (size_t j = 0; j < n && j < 4; j++) {
            sr_place p;
            sr_gaz_place(st->gaz, ids[j], &p);
            national = national || p.kind == SR_PLACE_COUNTRY || p.kind == SR_PLACE_DEMONYM;
        }
    }
    switch (k) {
    case SR_LEXE_ENTITIES_ORG_HEADS_KIND_MILITARY:
        return SITREP_ENTITY_MILITARY;
    case SR_LEXE_ENTITIES_ORG_HEADS_KIND_GOVERNMENT:
        return SITREP_ENTITY_GOVERNMENT;
    case SR_LEXE_ENTITIES_ORG_HEADS_KIND_ARMED:
        return national ? SITREP_ENTITY_MILITARY : SITREP_ENTITY_ARMED_GROUP;
    default:
        return SITREP_ENTITY_ORGANIZATION;
    }
}

/* ---- chunks ---- */

enum { S_NONE = 0, S_LEARNED, S_KB, S_PLACE, S_TITLE };

typedef struct seg {
    uint32_t u0, u1;
    uint8_t type;
    int64_t ref;   /* entity (S_LEARNED) or actor (S_KB) */
    uint64_t key;  /* S_PLACE */
} seg;

#define SR_MAX_SEGS 64

/* The longest title starting at unit p inside [p, c1); 0 when none. */
static size_t title_at(const ent_state *st, size_t p, size_t c1)
{
    sr_namekey k;
    sr_namekey_init(&k);
    size_t best = 0;
    for (size_t q = p; q < c1 && q < p + sr_title_max_units; q++) {
        /* a word the key ignores ("Ash", "Al-") starts the name: "Defense
         * Secretary Ash Carter", "Foreign Minister Al-Jubeir" */
        if (!key_add(st, &k, q))
            break;
        bool prefix = false;
        if (is_title_key_or_prefix(sr_namekey_value(&k), &prefix))
            best = q + 1 - p;
        else if (!prefix)
            break;
    }
    return best;
}

/* Greedy longest match from unit p; fills *sg and returns its end, or p. */
static size_t match_at(const ent_state *st, size_t p, size_t c1, seg *sg)
{
    const unit *x = &st->u[p];
    bool startable = (x->flags & (U_CAP | U_ALLCAPS)) ||
                     (joining_particle(st, p) && p + 1 < c1 && (st->u[p + 1].flags & U_CAP));
    if (!startable)
        return p;
    sr_namekey k;
    sr_namekey_init(&k);
    size_t best = p;
    for (size_t q = p; q < c1 && q < p + SR_MAX_UNITS; q++) {
        key_add(st, &k, q);
        if (!name_end(&st->u[q]))
            continue;
        uint64_t key = sr_namekey_value(&k);
        if (key == 0)
            continue;
        int64_t l = learned_lookup(st, key, p, q + 1);
        if (l >= 0) {
            *sg = (seg){(uint32_t)p, (uint32_t)q + 1, S_LEARNED, l, key};
            best = q + 1;
            continue;
        }
        int32_t a = kb_lookup(st, key, p, q + 1);
        if (a >= 0) {
            *sg = (seg){(uint32_t)p, (uint32_t)q + 1, S_KB, a, key};
            best = q + 1;
            continue;
        }
        if (gaz_has(st, key, p, q + 1)) {
            *sg = (seg){(uint32_t)p, (uint32_t)q + 1, S_PLACE, -1, key};
            best = q + 1;
        }
    }
    return best;
}

/* Is the place segment only a city-level name (not a country, subdivision
 * or demonym), which a person's name may contain? */
static bool soft_place(const ent_state *st, const seg *sg)
{
    if (sg->type != S_PLACE)
        return false;
    uint32_t ids[SR_MAX_CANDS];
    size_t n = sr_gaz_lookup(st->gaz, sg->key, ids, SR_MAX_CANDS);
    for (size_t i = 0; i < n && i < SR_MAX_CANDS; i++) {
        sr_place p;
        sr_gaz_place(st->gaz, ids[i], &p);
        if (p.kind == SR_PLACE_COUNTRY || p.kind == SR_PLACE_ADMIN1 ||
            p.kind == SR_PLACE_DEMONYM)
            return false;
    }
    return true;
}

/* "X (ACR)": the acronym token after unit c1 - 1, or false. */
static bool acronym_after(const ent_state *st, size_t c1, size_t *a0, size_t *a1)
{
    if (c1 >= st->nu)
        return false;
    uint32_t tok = st->u[c1 - 1].tok;
    if (!token_text_is(st, tok + 1, "(") || st->u[c1].tok != tok + 2 ||
        !token_text_is(st, tok + 3, ")"))
        return false;
    size_t e = c1;
    while (e < st->nu && st->u[e].tok == tok + 2)
        e++;
    /* an acronym: at least two capitals, no spaces, short */
    const unit *x = &st->u[c1];
    uint32_t n = st->u[e - 1].end - x->start;
    size_t caps = 0;
    for (uint32_t i = x->start; i < st->u[e - 1].end; i++)
        caps += st->src[i] >= 'A' && st->src[i] <= 'Z';
    if (caps < 2 || n > 14)
        return false;
    *a0 = c1;
    *a1 = e;
    return true;
}

/* Is the place segment segs[k] part of a longer proper name, next to an
 * unknown capitalised word in the run segs[i..j)?  Words that name a kind
 * of place ("Idlib Province") or a direction ("Northern Syria") do not
 * make a longer name. */
static bool inside_longer_name(const ent_state *st, const seg *segs, size_t i, size_t j,
                               size_t k)
{
    if (k + 1 < j && segs[k + 1].type == S_NONE) {
        const unit *x = &st->u[segs[k + 1].u0];
        if ((x->flags & U_CAP) && !(x->flags & U_FUNC) && !UNIT_IS(st, segs[k + 1].u0, PLACE_NAME_AFTER))
            return true;
    }
    if (k > i && segs[k - 1].type == S_NONE) {
        size_t u = segs[k - 1].u1 - 1;
        const unit *x = &st->u[u];
        if ((x->flags & U_CAP) && !(x->flags & U_FUNC) && !UNIT_IS(st, u, PLACE_NAME_BEFORE) &&
            !((x->flags & U_SENT) && is_common_word(st, u)))
            return true;
    }
    return false;
}

/* An unknown name the words before it call a place: "the town of
 * Macomia", "raids around Shaddadi".  The gazetteer does not know it; its
 * country comes from the document (resolve_context_place). */
static bool named_kind_of_place(const ent_state *st, size_t r0)
{
    return r0 >= 2 && !(st->u[r0].flags & U_PBREAK) &&
           unit_phrase(st, r0 - 2, SR_LEX_ENTITIES_PLACE_KIND_OF) == 2;
}

static bool context_place(const ent_state *st, size_t r0, size_t r1)
{
    if (r0 == 0 || r1 - r0 > 3 || (st->u[r0].flags & U_PBREAK))
        return false;
    /* "the town of X": the words say what X is, even where a word of
     * the name is also an English word or a given name ("the village of
     * Tell Brak", "the town of Umm Kahf") */
    bool kind_of = named_kind_of_place(st, r0);
    /* "Sadr City", "Rukban Camp": a generic last word is part of the name */
    size_t last = r1;
    if (r1 - r0 >= 2 && UNIT_IS(st, r1 - 1, PLACE_GENERIC_LAST))
        last = r1 - 1;
    for (size_t i = r0; i < last; i++) {
        const unit *x = &st->u[i];
        if (!(x->flags & U_CAP) || (x->flags & (U_FUNC | U_ALLCAPS)))
            return false;
        if (!kind_of && (sr_wordset_has(&sr_dict_words, st->src + x->start, x->end - x->start) ||
                         sr_wordset_has(&sr_given_names, st->src + x->start, x->end - x->start)))
            return false;
    }
    return kind_of || UNIT_IS(st, r0 - 1, PLACE_PREPS);
}

/* Is unit i a country's name or a nationality ("U.S.", "Iraqi")? */
static bool national_unit(const ent_state *st, size_t i)
{
    uint32_t ids[4];
    uint64_t key = span_key(st, i, i + 1);
    size_t n = st->gaz && key ? sr_gaz_lookup(st->gaz, key, ids, 4) : 0;
    for (size_t j = 0; j < n && j < 4; j++) {
        sr_place p;
        sr_gaz_place(st->gaz, ids[j], &p);
        if (p.kind == SR_PLACE_COUNTRY || p.kind == SR_PLACE_DEMONYM)
            return true;
    }
    return false;
}

/* The end of an office's title starting at unit t0 inside [t0, c1)
 * ("Foreign Secretary", "Prime Minister", "Minister for the Middle East",
 * "President of Syria"), up to two national words first ("the Iraqi
 * Foreign Minister", "the U.S. Secretary of State"), or 0.  The title is
 * written with capitals and holds a word of office_heads; "for" or "of"
 * and a capitalised name after it, no given name among them, say which
 * office. */
static size_t office_title_end(const ent_state *st, size_t t0, size_t c1)
{
    size_t t = t0;
    while (t < c1 && t < t0 + 2 && national_unit(st, t))
        t++;
    size_t tl = t < c1 ? title_at(st, t, c1) : 0;
    if (tl == 0)
        return 0;
    size_t te = t + tl;
    for (size_t i = t; i < te; i++)
        if ((!(st->u[i].flags & U_CAP) && !(i > t && (st->u[i].flags & (U_CONNECT | U_FUNC)))) ||
            (st->u[i].flags & U_ALLCAPS) ||
            ((st->u[i].flags & U_POSS) && i + 1 < te))
            return 0;
    const unit *last = &st->u[te - 1];
    bool office = false; /* "Foreign Secretary", "Secretary of State" */
    for (size_t i = t; i < te && !office; i++)
        office = UNIT_IS(st, i, OFFICE_HEADS);
    if (!office || st->src[last->end - 1] == '.')
        return 0;
    if (te < c1 && !(st->u[te].flags & U_BREAK) && !(st->u[te - 1].flags & U_POSS) &&
        (token_text_is(st, st->u[te].tok, "for") || token_text_is(st, st->u[te].tok, "of"))) {
        size_t k = te + 1;
        if (k < c1 && UNIT_IS(st, k, ARTICLES))
            k++;
        size_t e = k;
        while (e < c1 && (st->u[e].flags & (U_CAP | U_ALLCAPS)) && !(st->u[e].flags & U_FUNC) &&
               !sr_wordset_has(&sr_given_names, st->src + st->u[e].start,
                               st->u[e].end - st->u[e].start))
            e++;
        if (e > k)
            te = e;
    }
    return te;
}

/* "The Foreign Secretary said", "Later the Minister spoke": a title of an
 * office with no name after it names the office's holder, a person, when
 * an article or the start of a sentence stands before it.  Finds it in the
 * chunk [o0, c1) at its first content unit or after an article inside;
 * true with the holder's units [*h0, *h1). */
static bool office_holder(ent_state *st, size_t o0, size_t c1, size_t *h0, size_t *h1)
{
    for (size_t t0 = o0; t0 < c1; t0++) {
        const unit *x = &st->u[t0];
        bool the = t0 > 0 && !(x->flags & U_PBREAK) && UNIT_IS(st, t0 - 1, ARTICLES);
        if (!(the || (t0 == o0 && (x->flags & U_SENT))) || !(x->flags & (U_CAP | U_ALLCAPS)))
            continue;
        size_t te = office_title_end(st, t0, c1);
        if (te == 0)
            continue;
        /* a name after it: "Foreign Secretary Boris Johnson" is read below */
        if (te < c1 && !(st->u[te].flags & (U_CONNECT | U_FUNC)))
            continue;
        uint32_t e = named_entity(st, t0, te, SITREP_ENTITY_PERSON, SITREP_FOUND_PATTERN);
        if (e == UINT32_MAX)
            return false;
        add_cand(st, t0, te, C_ENTITY, e, 0);
        if (!st->oom)
            SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1).wrapper = true;
        set_role(st, e, t0, te, 1);
        *h0 = t0;
        *h1 = te;
        return true;
    }
    return false;
}

/* Is unit i an ordinal number written in digits ("3rd", "158th")? */
static bool ordinal_unit(const ent_state *st, size_t i)
{
    return sr_ordinal_digits(st->src + st->u[i].start, st->u[i].end - st->u[i].start);
}

/* Is unit i a lower-case role noun, singular or plural ("bodyguard",
 * "farmers", "policemen")? */
static bool role_noun_any(const ent_state *st, size_t i)
{
    if (i >= st->nu || !(st->u[i].flags & U_LOWER))
        return false;
    if (role_noun(st, i))
        return true;
    const char *w = st->src + st->u[i].start;
    size_t n = st->u[i].end - st->u[i].start;
    char buf[32];
    if (n < 4 || n >= sizeof buf)
        return false;
    memcpy(buf, w, n);
    if ((buf[n - 1] | 0x20) == 's')
        n--; /* "farmers" */
    else if ((buf[n - 2] | 0x20) == 'e' && (buf[n - 1] | 0x20) == 'n' && (buf[n - 3] | 0x20) == 'm')
        buf[n - 2] = 'a'; /* "policemen" */
    else
        return false;
    bool lower = false;
    uint64_t key = sr_namekey_of(buf, n);
    return key && is_title_key(key, &lower) && lower;
}

/* Does the name [u0, u1) open with a known given name? */
static bool given_first(const ent_state *st, size_t u0, size_t u1)
{
    return u1 > u0 + 1 && (st->u[u0].flags & U_CAP) &&
           sr_wordset_has(&sr_given_names, st->src + st->u[u0].start, st->u[u0].end - st->u[u0].start);
}

/* The run of segments [i, j) over units [r0, r1) as two people's names
 * joined by a lower-case "and" or "or" at a segment of its own: each side
 * of two or more capitalised words that could be a name (no organisation
 * head, not one known place), one side opening with a given name.  Adds
 * both and returns true; false, adding nothing, otherwise. */
static bool coordinated_people(ent_state *st, const seg *segs, size_t i, size_t j, size_t r0,
                               size_t r1, size_t c0)
{
    size_t a = SIZE_MAX, sa = 0;
    for (size_t k = i; k < j && a == SIZE_MAX; k++) {
        size_t u = segs[k].u0;
        if (segs[k].type == S_NONE && u > r0 && u + 2 < r1 && (st->u[u].flags & U_LOWER) &&
            UNIT_IS(st, u, COORDINATORS))
            a = u, sa = k;
    }
    /* "Policemen Gabriel Garay and ...": a common word before a given
     * name opening the run is no part of the name */
    while (a != SIZE_MAX && r0 + 2 < a && is_common_word(st, r0) && !given_first(st, r0, a) &&
           given_first(st, r0 + 1, a))
        r0++;
    if (a == SIZE_MAX || a < r0 + 2)
        return false;
    /* a side that is one known place ("Bosnia", "Santa Rosa") is none */
    if ((segs[i].type == S_PLACE && segs[i].u1 == a && !soft_place(st, &segs[i])) ||
        (segs[sa + 1].type == S_PLACE && segs[sa + 1].u1 == r1 && !soft_place(st, &segs[sa + 1])))
        return false;
    /* "gunmen shot X Y and Z W", "the farmers X Y and Z W": the verb's
     * objects, the role's holders are people */
    bool object = r0 == c0 && r0 > 0 && !(st->u[r0].flags & U_BREAK) &&
                  (st->u[r0 - 1].flags & U_LOWER) &&
                  (UNIT_IS(st, r0 - 1, VICTIM_VERBS) || role_noun_any(st, r0 - 1));
    if (!looks_like_name(st, r0, a, false) || !looks_like_name(st, a + 1, r1, false) ||
        !(object || given_first(st, r0, a) || given_first(st, a + 1, r1)) ||
        named_kind_of_place(st, r0))
        return false;
    try_person_by(st, r0, a, c0, c0, true);
    try_person_by(st, a + 1, r1, a + 1, c0, true);
    return true;
}

static void read_chunk(ent_state *st, size_t c0, size_t c1)
{
    seg segs[SR_MAX_SEGS];
    size_t ns = 0;
    for (size_t p = c0; p < c1 && ns < SR_MAX_SEGS;) {
        /* a title needs a name after it: not on a chunk's last unit */
        size_t tl = p + 1 < c1 ? title_at(st, p, c1) : 0;
        if (tl && p + tl < c1 && (st->u[p + tl].flags & U_CAP)) {
            segs[ns++] = (seg){(uint32_t)p, (uint32_t)(p + tl), S_TITLE, -1, 0};
            p += tl;
            continue;
        }
        seg sg;
        size_t q = match_at(st, p, c1, &sg);
        if (q > p) {
            segs[ns++] = sg;
            p = q;
        } else {
            segs[ns++] = (seg){(uint32_t)p, (uint32_t)p + 1, S_NONE, -1, 0};
            p++;
        }
    }
    if (ns == 0)
        return;
    size_t o0 = c0;
    while (o0 < c1 && (st->u[o0].flags & (U_FUNC | U_CONNECT | U_PARTICLE)) &&
           !(segs[0].type == S_KB && segs[0].u0 == o0))
        o0++;

    /* "Long Name (ACR)": the document defines a name.  A chunk that is
     * one known actor teaches its acronym (the document's definition wins
     * over the knowledge base: "Armed Forces of the Philippines (AFP)"); a
     * long form the knowledge base lacks becomes a mention of the actor the
     * acronym names ("Tehrik-e-Taliban Pakistan (TTP)"), or a new
     * organisation ("Ahl al-Sunna wal-Jamaa (ASWJ)"). */
    size_t a0, a1;
    bool whole_place = ns == 1 && segs[0].type == S_PLACE;
    if (c1 - o0 >= 1 && !whole_place && segs[0].type != S_TITLE && o0 < c1 &&
        (st->u[o0].flags & (U_CAP | U_ALLCAPS)) && acronym_after(st, c1, &a0, &a1)) {
        uint64_t k = span_key(st, a0, a1);
        int32_t a = kb_lookup(st, k, a0, a1);
        const seg *last = &segs[ns - 1];
        bool one = last->u0 <= o0 && (last->type == S_KB || last->type == S_LEARNED);
        if (one) {
            uint32_t e = last->type == S_KB ? actor_entity(st, (int32_t)last->ref)
                                            : (uint32_t)last->ref;
            add_cand(st, last->u0, last->u1, C_ENTITY, e, 0);
            if (a < 0 || (last->type == S_KB && a != (int32_t)last->ref) ||
                last->type == S_LEARNED)
                learn(st, k, e, st->src + st->u[a0].start, st->u[a1 - 1].end - st->u[a0].start,
                      true);
            return;
        }
        if (c1 - o0 >= 2 && looks_like_name(st, o0, c1, false) == false) {
            uint32_t e;
            if (a >= 0) {
                e = actor_entity(st, a);
            } else {
                size_t h = c1 - 1;
                e = named_entity(st, o0, c1,
                                 is_org_head(st, h) ? org_kind(st, o0, h)
                                                    : SITREP_ENTITY_ORGANIZATION,
                                 SITREP_FOUND_LEARNED);
                learn(st, k, e, st->src + st->u[a0].start, st->u[a1 - 1].end - st->u[a0].start,
                      true);
            }
            add_cand(st, o0, c1, C_ENTITY, e, 0);
            return;
        }
    }

    size_t h0, h1;
    if (office_holder(st, o0, c1, &h0, &h1)) {
        /* the words before the article and after the title on their own */
        size_t p1 = h0;
        while (p1 > c0 && (st->u[p1 - 1].flags & (U_CONNECT | U_FUNC)))
            p1--;
        if (p1 > c0)
            read_chunk(st, c0, p1);
        size_t q0 = h1;
        while (q0 < c1 && !(st->u[q0].flags & (U_CAP | U_ALLCAPS)))
            q0++;
        if (q0 < c1)
            read_chunk(st, q0, c1);
        return;
    }

    /* An organisation named by its head word: "... Research Network",
     * "Ministry of Defence", "Baghdad Operations Command". */
    size_t head = SIZE_MAX;
    for (size_t i = 0; i < ns; i++) {
        if (segs[i].type != S_NONE)
            continue;
        size_t h = segs[i].u0;
        if ((h + 1 == c1 || (h + 1 < c1 && UNIT_IS(st, h + 1, ORG_HEAD_LINKS))) &&
            is_org_head(st, h))
            head = h;
    }
    /* "Officers of the Sahel Border Police": a common word opening the
     * sentence, and the connectives after it, are not part of the name */
    while (head != SIZE_MAX && o0 < head && (st->u[o0].flags & U_SENT) && is_common_word(st, o0) &&
           o0 + 1 < c1 && (st->u[o0 + 1].flags & U_CONNECT)) {
        o0++;
        while (o0 < head && (st->u[o0].flags & (U_CONNECT | U_PARTICLE)))
            o0++;
    }
    /* "the Government of Iraq and the Kurdistan Regional Government": two
     * organisations joined by "and", each named with its own head word or
     * known, are read one by one */
    for (size_t k = o0 + 1; head != SIZE_MAX && k + 1 < c1; k++) {
        if (!token_text_is(st, st->u[k].tok, "and") || (st->u[k].flags & U_BREAK))
            continue;
        size_t r = k + 1;
        bool article = UNIT_IS(st, r, ARTICLES) && r + 1 < c1;
        if (article)
            r++;
        if (!(st->u[r].flags & (U_CAP | U_ALLCAPS)))
            continue;
        /* without an article only before a known name: "Department of
         * Health and Human Services" is one */
        bool known = false;
        for (size_t q = 0; q < ns && !known; q++)
            known = segs[q].u0 == r && (segs[q].type == S_KB || segs[q].type == S_LEARNED);
        if (!article && !known)
            continue;
        bool left = false, right = false;
        for (size_t q = 0; q < ns; q++) {
            bool org = segs[q].type == S_KB || segs[q].type == S_LEARNED ||
                       (segs[q].type == S_NONE && is_org_head(st, segs[q].u0));
            left = left || (org && segs[q].u1 <= k && segs[q].u0 >= o0);
            right = right || (org && segs[q].u0 >= r);
        }
        if (!left || !right)
            continue;
        read_chunk(st, c0, k);
        read_chunk(st, r, c1);
        return;
    }
    /* "the 158th Fighter Wing", "3rd Battalion": a unit's ordinal number
     * is part of its name */
    if (head != SIZE_MAX && o0 == c0 && c0 > 0 && !(st->u[c0].flags & U_PBREAK) &&
        ordinal_unit(st, c0 - 1))
        o0 = c0 - 1;
    bool head_first = head == o0 && head + 2 < c1; /* "Ministry of Returnees" */
    if (head != SIZE_MAX && (head > o0 || head_first) && c1 - o0 >= 2) {
        bool plain = (st->u[o0].flags & U_SENT) && is_common_word(st, o0) && c1 - o0 < 3 &&
                     !head_first;
        if (!plain) {
            uint32_t e = named_entity(st, o0, c1, org_kind(st, o0, head), SITREP_FOUND_PATTERN);
            add_cand(st, o0, c1, C_ENTITY, e, 0);
            return;
        }
    }

    /* "Air India", "Radio Norte": a word that opens an organisation's
     * name, with the capitalised words after it; in text in capitals or
     * in lower case the truecaser leaves the opener outside the chunk
     * ("RADIO NORTE"): there it is the name's first word all the same */
    if (o0 == c0 && c0 > 0 && c1 - c0 <= 3 && !(st->u[c0].flags & U_PBREAK) &&
        UNIT_IS(st, c0 - 1, ORG_OPENERS) && (st->u[c0 - 1].flags & U_LOWER) &&
        st->doc->caseless != SR_CASE_MIXED)
        o0 = c0 - 1;
    if (o0 + 2 <= c1 && c1 - o0 <= 4 && (o0 < c0 || (segs[0].type == S_NONE && segs[0].u0 == o0 &&
                                                      (st->u[o0].flags & U_CAP))) &&
        UNIT_IS(st, o0, ORG_OPENERS) && (st->u[c1 - 1].flags & (U_CAP | U_ALLCAPS))) {
        uint32_t e = named_entity(st, o0, c1,
                                  IN(ulex(st, o0), ORG_HEADS) ? org_kind(st, o0, o0)
                                                              : SITREP_ENTITY_ORGANIZATION,
                                  SITREP_FOUND_PATTERN);
        add_cand(st, o0, c1, C_ENTITY, e, 0);
        return;
    }

    /* Titles and person names; runs of units no knowledge claims. */
    for (size_t i = 0; i < ns;) {
        const seg *sg = &segs[i];
        if (sg->type == S_TITLE) {
            /* the name after a title: capitalised units up to a known actor */
            size_t n0 = sg->u1, n1 = n0, j = i + 1;
            while (j < ns && (segs[j].type == S_NONE || segs[j].type == S_PLACE) &&
                   segs[j].u1 - n0 <= SR_PERSON_UNITS + 2) {
                n1 = segs[j].u1;
                j++;
            }
            if (n1 > n0 && try_person(st, n0, n1, sg->u0, c0)) {
                i = j;
                continue;
            }
            /* "Foreign Minister Adel al-Jubeir in Riyadh": the name ends
             * before a connective and what follows it */
            bool found = false;
            while (!found && j > i + 2) {
                j--;
                n1 = segs[j - 1].u1;
                if (segs[j - 1].type == S_NONE && (st->u[n1 - 1].flags & (U_CONNECT | U_PARTICLE)))
                    continue;
                found = try_person(st, n0, n1, sg->u0, c0);
            }
            i = found ? j : i + 1;
            continue;
        }
        if (sg->type == S_NONE || sg->type == S_PLACE) {
            size_t j = i, r0 = sg->u0, r1 = sg->u1;
            bool unknown = false;
            while (j < ns && (segs[j].type == S_NONE || segs[j].type == S_PLACE)) {
                if (segs[j].type == S_NONE && (st->u[segs[j].u0].flags & U_CAP) &&
                    !(st->u[segs[j].u0].flags & U_FUNC))
                    unknown = true;
                r1 = segs[j].u1;
                j++;
            }
            while (r0 < r1 && (st->u[r0].flags & (U_FUNC | U_CONNECT | U_PARTICLE)) &&
                   !(st->u[r0].flags & U_PARTICLE && r0 + 1 < r1))
                r0++;
            /* a known given name first makes the run a name to try even
             * when every word of it is also a town ("Philip Hammond"); a
             * run of function words only has no first word (u[r1] is past
             * the units, stale bytes of an earlier document) */
            size_t ra, rb;
            if (!unknown && r0 < r1 && (st->u[r0].flags & U_CAP) &&
                sr_wordset_has(&sr_given_names, st->src + st->u[r0].start,
                               st->u[r0].end - st->u[r0].start) &&
                ((r1 > r0 + 1 && !(segs[i].type == S_PLACE && !soft_place(st, &segs[i]))) ||
                 (r1 == r0 + 1 && role_before(st, r0, &ra, &rb)))) /* "his driver, Omar," */
                unknown = true;
            /* a person's name may hold place names: "Jordan Nkosi"; not
             * after "the village of" */
            if (r1 > r0 && unknown && !named_kind_of_place(st, r0) &&
                try_person(st, r0, r1, c0, c0)) {
                i = j;
                continue;
            }
            if (r1 > r0 && unknown && j - i == r1 - r0 && r0 == c0 && r1 == c1 &&
                context_place(st, r0, r1)) {
                add_cand(st, r0, r1, C_CTXPLACE, 0, span_key(st, r0, r1));
                i = j;
                continue;
            }
            /* "Rosa Mendez and Juan Perez", "Ortega or Luis Bermudez": two
             * names joined by "and" or "or", each of two or more words,
             * one opening with a given name, are two people */
            if (unknown && coordinated_people(st, segs, i, j, r0, r1, c0)) {
                i = j;
                continue;
            }
            /* "the villages of Kafr Tabsa and Umm Rujaym": names joined by
             * "and" after a kind of place are places, each of its own */
            if (unknown && r0 == c0 && named_kind_of_place(st, r0)) {
                size_t a = SIZE_MAX;
                for (size_t k = r0 + 1; k + 1 < r1 && a == SIZE_MAX; k++)
                    if ((st->u[k].flags & U_LOWER) && UNIT_IS(st, k, COORDINATORS))
                        a = k;
                bool names = a != SIZE_MAX && a - r0 <= 3 && r1 - a <= 4;
                for (size_t k = r0; names && k < r1; k++)
                    names = k == a || ((st->u[k].flags & U_CAP) && !(st->u[k].flags & (U_FUNC | U_ALLCAPS)));
                if (names) {
                    add_cand(st, r0, a, C_CTXPLACE, 0, span_key(st, r0, a));
                    add_cand(st, a + 1, r1, C_CTXPLACE, 0, span_key(st, a + 1, r1));
                    i = j;
                    continue;
                }
            }
            /* "leader Gilda Perez in Guatemala": a name ends before a
             * lower-case connective, and what follows it is read on its own */
            size_t cut = SIZE_MAX;
            for (size_t k = i + 1; unknown && k + 1 < j && cut == SIZE_MAX; k++) {
                size_t u = segs[k].u0;
                if (segs[k].type == S_NONE && (st->u[u].flags & U_LOWER) &&
                    (st->u[u].flags & U_CONNECT) && !(st->u[u].flags & U_PARTICLE) && u >= r0 + 2 &&
                    !UNIT_IS(st, u, PERSON_LINKS))
                    cut = k;
            }
            if (cut != SIZE_MAX && try_person(st, r0, segs[cut].u0, c0, c0)) {
                i = cut + 1;
                continue;
            }
            /* "Middle East Tobias Ellwood": a given name starting a
             * segment inside the run starts a person's name; the words
             * before it are read on their own */
            size_t split = j;
            for (size_t k = i + 1; unknown && k < j && split == j; k++) {
                const unit *y = &st->u[segs[k].u0];
                if (segs[k].u0 + 1 < r1 && (y->flags & U_CAP) && !(y->flags & U_ALLCAPS) &&
                    sr_wordset_has(&sr_given_names, st->src + y->start, y->end - y->start) &&
                    try_person(st, segs[k].u0, r1, segs[k].u0, c0))
                    split = k;
            }
            /* "Minister for the Middle East Tobias Ellwood": the title of
             * the office right before the name is part of the mention */
            if (split < j && !st->oom && office_title_end(st, o0, c1) == segs[split].u0) {
                cand *pc = &SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1);
                if (pc->type == C_ENTITY && pc->u0 == segs[split].u0) {
                    pc->u0 = (uint32_t)o0;
                    pc->start = st->u[o0].start;
                    pc->wrapper = true;
                    set_role(st, pc->entity, o0, segs[split].u0, 1);
                }
                i = ns; /* the title's words are the person's */
                continue;
            }
            j = split;
            /* left as they are: places, unless part of a longer name
             * ("Paris Agreement", "Lake Chad"), and single unknown words
             * that may be a surname met elsewhere in the document */
            for (size_t k = i; k < j; k++) {
                if (segs[k].type == S_PLACE) {
                    /* "Northern Iraq": a direction before a place is a
                     * word of its mention (place_modifiers), not a place */
                    if (k + 1 < j && segs[k + 1].type == S_PLACE && segs[k].u1 - segs[k].u0 == 1 &&
                        UNIT_IS(st, segs[k].u0, PLACE_ADJECTIVES))
                        continue;
                    if (!inside_longer_name(st, segs, i, j, k))
                        add_cand(st, segs[k].u0, segs[k].u1, C_PLACE, 0, segs[k].key);
                } else if ((st->u[segs[k].u0].flags & U_CAP) &&
                           !(st->u[segs[k].u0].flags & U_FUNC)) {
                    add_cand(st, segs[k].u0, segs[k].u1, C_SINGLE, 0,
                             span_key(st, segs[k].u0, segs[k].u1));
                }
            }
            i = j;
            /* past the person found inside the run */
            while (i < ns && (segs[i].type == S_NONE || segs[i].type == S_PLACE))
                i++;
            continue;
        }
        /* "in support of Operation Inherent Resolve": an operation, not
         * the force an alias of the same words names */
        if ((st->u[sg->u0].flags & U_CAP) && sg->u1 - sg->u0 >= 2 &&
            UNIT_IS(st, sg->u0, OPERATION_WORDS)) {
            i++;
            continue;
        }
        uint32_t e = sg->type == S_KB ? actor_entity(st, (int32_t)sg->ref) : (uint32_t)sg->ref;
        /* knowledge-base names keep their key: a shared alias is settled
         * once the document's countries are known */
        add_cand(st, sg->u0, sg->u1, C_ENTITY, e, sg->type == S_KB ? sg->key : 0);
        i++;
    }
}

/* "X, also known as Y", "X, or Y,": Y names X's entity for the rest of
 * the document; when only Y is known ("Tehrik-e-Taliban Pakistan, or
 * TTP"), X becomes a mention of Y's actor. */
static void known_as(ent_state *st, size_t c0, size_t c1)
{
    size_t i = c1;
    bool or_form = false;
    if (i >= st->nu)
        return;
    /* "X, the RSF commander widely known as Hemedti": inside an appositive */
    if ((st->u[i].flags & U_PBREAK) && !(st->u[i].flags & U_SENT)) {
        for (size_t j = i; j + 2 < st->nu && j < i + 10; j++) {
            if (j > i && (st->u[j].flags & U_PBREAK))
                break;
            if (j > i && (st->u[j].flags & U_LOWER) &&
                unit_phrase(st, j, SR_LEX_ENTITIES_ALIAS_MARKERS) > 0) {
                i = j;
                break;
            }
        }
    }
    if (!(st->u[i].flags & U_LOWER))
        return;
    size_t m = unit_phrase(st, i, SR_LEX_ENTITIES_ALIAS_MARKERS);
    if (m > 0) {
        i += m;
    } else if (i == c1 && (st->u[i].flags & U_PBREAK) && UNIT_IS(st, i, ALIAS_OR)) {
        or_form = true;
        i += 1;
    } else {
        return;
    }
    size_t y0 = i;
    if (y0 >= st->nu || !(st->u[y0].flags & (U_CAP | U_ALLCAPS | U_PARTICLE)))
        return;
    size_t y1 = y0 + 1;
    while (y1 < st->nu && chunk_continues(st, y1))
        y1++;
    if (or_form && !((st->u[y0].flags & U_ALLCAPS) && y1 == y0 + 1))
        return; /* "X, or Y" names only an acronym */
    uint64_t k = span_key(st, y0, y1);
    bool exact = (st->u[y0].flags & U_ALLCAPS) && y1 == y0 + 1;
    int32_t a = kb_lookup(st, k, y0, y1);
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    const cand *c = nc ? &SR_VEC_AT(&st->cands, cand, nc - 1) : NULL;
    if (c && c->type == C_ENTITY && c->u1 == c1) {
        if (a < 0)
            learn(st, k, c->entity, st->src + st->u[y0].start,
                  st->u[y1 - 1].end - st->u[y0].start, exact);
        return;
    }
    /* an unknown long form named by a known short one */
    size_t o0 = c0;
    while (o0 < c1 && (st->u[o0].flags & (U_FUNC | U_CONNECT | U_PARTICLE)) &&
           !(st->u[o0].flags & U_PARTICLE && o0 + 1 < c1))
        o0++;
    if (a >= 0 && c1 - o0 >= 2) {
        /* the chunk's own candidates give way to the whole name */
        while (nc > 0 && SR_VEC_AT(&st->cands, cand, nc - 1).u0 >= o0)
            nc--;
        st->cands.len = nc * sizeof(cand);
        add_cand(st, o0, c1, C_ENTITY, actor_entity(st, a), 0);
    }
}

/* ---- places ---- */

static void weigh_country(ent_state *st, const char *cc, uint32_t w)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
        return;
    st->country_weight[(cc[0] - 'A') * 26 + (cc[1] - 'A')] += w;
}

static uint32_t country_weight(const ent_state *st, const char *cc)
{
    if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
        return 0;
    return st->country_weight[(cc[0] - 'A') * 26 + (cc[1] - 'A')];
}

/* The places whose names have key `key` (sr_gaz_lookup, at most
 * SR_MAX_CANDS, in its order), in *n.  A document names the same places
 * again and again, and reads each name three times (collect_context and
 * both readings): the lookup and the places' records are read once per
 * document and kept (st->looks).  The places returned are valid until the
 * next call; tmp holds them when they cannot be kept. */
enum { LOOKS_INDEXED = 384 };
typedef struct place_look {
    uint64_t key;
    uint32_t off, n; /* its places: look_places[off, off + n) */
} place_look;

static const sr_place *places_named(ent_state *st, uint64_t key, sr_place tmp[SR_MAX_CANDS], size_t *n)
{
    size_t nl = SR_VEC_COUNT(&st->looks, place_look);
    const place_look *looks = (const place_look *)(const void *)st->looks.data;
    size_t slot = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 55);
    if (nl < LOOKS_INDEXED) {
        for (; st->look_slot[slot]; slot = (slot + 1) & 511) {
            const place_look *x = &looks[st->look_slot[slot] - 1];
            if (x->key == key) {
                *n = x->n;
                return (const sr_place *)(const void *)st->look_places.data + x->off;
            }
        }
    }
    uint32_t ids[SR_MAX_CANDS];
    size_t k = sr_gaz_lookup(st->gaz, key, ids, SR_MAX_CANDS);
    if (k > SR_MAX_CANDS)
        k = SR_MAX_CANDS;
    *n = k;
    size_t off = SR_VEC_COUNT(&st->look_places, sr_place);
    if (nl >= LOOKS_INDEXED || !sr_buf_reserve(&st->look_places, k * sizeof(sr_place)) ||
        !sr_buf_reserve(&st->looks, sizeof(place_look))) {
        for (size_t j = 0; j < k; j++)
            sr_gaz_place(st->gaz, ids[j], &tmp[j]);
        return tmp;
    }
    sr_place *ps = (sr_place *)(void *)st->look_places.data + off;
    for (size_t j = 0; j < k; j++)
        sr_gaz_place(st->gaz, ids[j], &ps[j]);
    st->look_places.len += k * sizeof(sr_place);
    place_look l = {key, (uint32_t)off, (uint32_t)k};
    memcpy(st->looks.data + st->looks.len, &l, sizeof l);
    st->looks.len += sizeof l;
    st->look_slot[slot] = (uint16_t)(nl + 1);
    return ps;
}

/* The bytes of a code of at most 7 in one word (0 when longer: no code
 * kept is), so that codes compare as numbers. */
static uint64_t admin1_pack(const char *code)
{
    uint64_t k = 0;
    for (size_t i = 0; code[i]; i++) {
        if (i == 7)
            return 0;
        k |= (uint64_t)(unsigned char)code[i] << (8 * i);
    }
    return k;
}

/* The slot of packed code k in admin1_set: its own or the empty one
 * where it would go (the set holds at most 64 of 128). */
static size_t admin1_slot(const ent_state *st, uint64_t k)
{
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 57);
    while (st->admin1_set[i] && st->admin1_set[i] != k)
        i = (i + 1) & 127;
    return i;
}

static bool admin1_seen(const ent_state *st, const char *code)
{
    if (st->nadmin1 == 0)
        return false;
    uint64_t k = code ? admin1_pack(code) : 0;
    return k && st->admin1_set[admin1_slot(st, k)] == k;
}

/* Does the document name another first-level region of the country of
 * the region `code` ("IQ-AN")? */
static bool other_region_seen(const ent_state *st, const char *code)
{
    if (!code)
        return false;
    for (size_t i = 0; i < st->nadmin1; i++)
        if (st->admin1_seen[i][0] == code[0] && st->admin1_seen[i][1] == code[1] &&
            strcmp(st->admin1_seen[i], code) != 0)
            return true;
    return false;
}

/* Is c's name a word of direction with only common words ("Western",
 * "North Eastern", "West Midlands", "Central Plateau"), not a name of
 * its own ("Wales", "Plateau", "Western Sahara")? */
static bool common_words_only(ent_state *st, const cand *c)
{
    bool direction = false;
    /* "West Midlands": the word of direction just before it */
    size_t u0 = c->u0 > 0 && st->u[c->u0].tok == st->u[c->u0 - 1].tok + 1 &&
                        UNIT_IS(st, c->u0 - 1, PLACE_ADJECTIVES)
                    ? c->u0 - 1
                    : c->u0;
    for (size_t u = u0; u < c->u1; u++) {
        if (UNIT_IS(st, u, PLACE_ADJECTIVES))
            direction = true;
        else if (!is_common_word(st, u) && !(st->u[u].flags & U_FUNC))
            return false;
    }
    return direction;
}

/* The one country (or subdivision, or demonym) a name denotes, if the
 * name is unambiguous at that level. */
static void collect_context(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t i = 0; i < nc; i++) {
        const cand *c = &SR_VEC_AT(&st->cands, cand, i);
        if (c->type == C_ENTITY) {
            const sr_entity *e = ent_at(st, c->entity);
            /* an outlet's home ("(EFE)") is not where its news is */
            if (e->country[0] && e->actor >= 0 && e->e.kind != SITREP_ENTITY_MEDIA)
                weigh_country(st, e->country, 1);
            continue;
        }
        if (c->type != C_PLACE)
            continue;
        sr_place tmp[SR_MAX_CANDS];
        size_t n;
        const sr_place *ps = places_named(st, c->key, tmp, &n);
        /* "Plateau state": the name with the word after it, when that
         * names one first-level region (Nigeria's Plateau State; Benin
         * has a Plateau department) */
        uint32_t whole[2];
        if (c->u1 < st->nu && st->u[c->u1].tok == st->u[c->u1 - 1].tok + 1 && UNIT_IS(st, c->u1, ADMIN_WORDS) &&
            sr_gaz_lookup(st->gaz, span_key(st, c->u0, c->u1 + 1), whole, 2) == 1) {
            sr_gaz_place(st->gaz, whole[0], &tmp[0]);
            if (tmp[0].kind == SR_PLACE_ADMIN1 && tmp[0].admin1_code) {
                ps = tmp;
                n = 1;
                if (st->nnamed_with < sizeof st->named_with / sizeof st->named_with[0]) {
                    st->named_with[st->nnamed_with].admin1 = admin1_pack(tmp[0].admin1_code);
                    st->named_with[st->nnamed_with++].word = span_key(st, c->u1, c->u1 + 1);
                }
            }
        }
        char country[3] = "";
        const char *admin = NULL;
        size_t ncountry = 0, nadmin = 0;
        bool demonym = false, has_city = false, second = false;
        for (size_t j = 0; j < n; j++) {
            const sr_place *p = &ps[j];
            if (p->kind == SR_PLACE_CITY) {
                has_city = true;
                break; /* lookups list countries, subdivisions, facilities and
                        * demonyms before cities: none of those follows */
            }
            if (p->kind == SR_PLACE_COUNTRY || p->kind == SR_PLACE_DEMONYM) {
                ncountry++;
                demonym = p->kind == SR_PLACE_DEMONYM;
                memcpy(country, p->country, 3);
            } else if (p->kind == SR_PLACE_ADMIN1 && p->admin1_code) {
                nadmin++;
                admin = p->admin1_code;
                second = p->feature && strcmp(p->feature, "ADM2") == 0;
            }
        }
        /* "Georgia" is also a state of the United States: a country whose
         * name a first-level region of another country shares says
         * nothing alone */
        if (ncountry == 1 && !(nadmin && admin && strncmp(admin, country, 2) != 0 && !second))
            weigh_country(st, country, demonym ? 1 : 2);
        /* "South Kivu": the DR Congo ("Bulacan": the Philippines, but a
         * county is too often a person's name, "Kerry", to count alone) */
        /* ... but not a region named only by common words ("Western",
         * "Midlands"): those words say nothing of a country */
        if (ncountry == 0 && nadmin == 1 && !has_city && admin[0] && admin[1] && admin[2] == '-' &&
            !common_words_only(st, c)) {
            weigh_country(st, admin, 1);
            if (second)
                st->country_weak[(admin[0] - 'A') * 26 + (admin[1] - 'A')]++;
        }
        if (nadmin == 1 && st->nadmin1 < 64 && !admin1_seen(st, admin)) {
            strncpy(st->admin1_seen[st->nadmin1], admin, 7);
            st->admin1_seen[st->nadmin1][7] = '\0';
            uint64_t k = admin1_pack(st->admin1_seen[st->nadmin1]);
            if (k)
                st->admin1_set[admin1_slot(st, k)] = k;
            st->nadmin1++;
        }
    }
}

/* The country a neighbouring name states: "Iraq's Anbar", "Tripoli,
 * Lebanon", "Tripoli in northern Lebanon" is left to the document. */
/* Is [u0, u1) the name of a country?  Lookups list countries first, so
 * the first place found says it. */
static bool country_named(const ent_state *st, size_t u0, size_t u1, char out[3], bool *elsewhere)
{
    uint32_t ids[8];
    size_t n = sr_gaz_lookup(st->gaz, span_key(st, u0, u1), ids, elsewhere ? 8 : 1);
    if (n == 0)
        return false;
    sr_place p;
    sr_gaz_place(st->gaz, ids[0], &p);
    if (p.kind != SR_PLACE_COUNTRY)
        return false;
    memcpy(out, p.country, 3);
    /* also the name of a first-level region of another country
     * ("Atlanta, Georgia")? */
    if (elsewhere) {
        *elsewhere = false;
        for (size_t j = 1; j < n && j < 8 && !*elsewhere; j++) {
            sr_gaz_place(st->gaz, ids[j], &p);
            *elsewhere = p.kind == SR_PLACE_ADMIN1 && p.feature && strcmp(p.feature, "ADM1") == 0 &&
                         strcmp(p.country, out) != 0;
        }
    }
    return true;
}

/* Is units [u0, u1) the name of a first-level region of one country
 * ("Usulutan", "Idlib", "Texas") and of no country?  Its country in out. */
static bool region_named(const ent_state *st, size_t u0, size_t u1, char out[3], const char **code)
{
    uint32_t ids[8];
    size_t n = sr_gaz_lookup(st->gaz, span_key(st, u0, u1), ids, 8);
    bool found = false;
    for (size_t j = 0; j < n && j < 8; j++) {
        sr_place p;
        sr_gaz_place(st->gaz, ids[j], &p);
        if (p.kind == SR_PLACE_COUNTRY || p.kind == SR_PLACE_DEMONYM)
            return false;
        if (p.kind != SR_PLACE_ADMIN1 || !p.feature || strcmp(p.feature, "ADM1") != 0)
            continue;
        if (found && memcmp(out, p.country, 2) != 0)
            return false;
        memcpy(out, p.country, 3);
        *code = found ? NULL : p.admin1_code; /* two regions of one name: no one region */
        found = true;
    }
    return found;
}

static const char *stated_country(const ent_state *st, const cand *c, char out[3], const char **region)
{
    const char *code = NULL;
    if (region)
        *region = NULL;
    /* "Iraq's X": the unit before is a possessive country */
    if (c->u0 > 0 && (st->u[c->u0 - 1].flags & U_POSS)) {
        size_t b = c->u0 - 1, a = b;
        while (a > 0 && !(st->u[a].flags & U_BREAK) && b - a < 3)
            a--;
        for (size_t s = a; s <= b; s++)
            if (country_named(st, s, b + 1, out, NULL))
                return out;
        /* "Balochistan's X": a first-level region of one country */
        for (size_t s = a; s <= b; s++)
            if (region_named(st, s, b + 1, out, &code)) {
                if (region)
                    *region = code;
                return out;
            }
    }
    /* "X (Costa Rica)" */
    if (c->u1 < st->nu) {
        size_t t = st->u[c->u1 - 1].tok;
        if (token_text_is(st, t + 1, "(") && st->u[c->u1].tok == t + 2) {
            size_t e = c->u1 + 1;
            while (e < st->nu && chunk_continues(st, e) && e < c->u1 + 4)
                e++;
            for (size_t q = e; q > c->u1; q--)
                if (country_named(st, c->u1, q, out, NULL) && token_text_is(st, st->u[q - 1].tok + 1, ")"))
                    return out;
        }
    }
    /* "X, Syria" */
    if (c->u1 < st->nu && (st->u[c->u1].flags & U_CAP) &&
        st->u[c->u1].tok == st->u[c->u1 - 1].tok + 2 &&
        token_text_is(st, st->u[c->u1 - 1].tok + 1, ",")) {
        size_t e = c->u1 + 1;
        while (e < st->nu && chunk_continues(st, e) && e < c->u1 + 4)
            e++;
        bool elsewhere;
        for (size_t q = e; q > c->u1; q--)
            if (country_named(st, c->u1, q, out, &elsewhere))
                return elsewhere ? NULL : out; /* "Atlanta, Georgia" states no country */
        /* "X, Usulutan department", "X, Texas": a region of one country,
         * named whole (its name, then only words such as "department"),
         * closing what X is; not an item of a list ("Hollywood, Los
         * Angeles, San Fernando Valley and ...") */
        size_t q = e;
        while (q > c->u1 + 1 && UNIT_IS(st, q - 1, ADMIN_WORDS))
            q--;
        size_t et = st->u[e - 1].tok + 1;
        bool list_before = c->u0 > 0 && st->u[c->u0].tok >= 2 &&
                           st->u[c->u0 - 1].tok + 2 == st->u[c->u0].tok &&
                           token_text_is(st, st->u[c->u0].tok - 1, ",");
        bool comma = e < st->nu && st->u[e].tok == et + 1 && token_text_is(st, et, ",");
        bool list_after = e < st->nu && (st->u[e].tok == et || comma) &&
                          (UNIT_IS(st, e, COORDINATORS) ||
                           (comma && (st->u[e].flags & U_CAP) && !(st->u[e].flags & U_FUNC)));
        /* "X, Plateau state": the name with its word first (Nigeria's
         * Plateau State; Benin has a Plateau department) */
        size_t w = e;
        while (w < st->nu && w < e + 2 && st->u[w].tok == st->u[w - 1].tok + 1 && UNIT_IS(st, w, ADMIN_WORDS))
            w++;
        if (!list_before && !list_after &&
            ((w > q && region_named(st, c->u1, w, out, &code)) || region_named(st, c->u1, q, out, &code))) {
            if (region)
                *region = code;
            return out;
        }
    }
    return NULL;
}

/* What the words around a place candidate say, looked at once. */
typedef struct place_ctx {
    const char *stated;  /* a country the text states for it, or NULL */
    size_t ncands;       /* how many places have its name */
    bool locative;       /* "in X", "near X" */
    bool admin_next;     /* "X province" */
    bool common_start;   /* a common word opening a sentence */
} place_ctx;

static double km_between(double lat1, double lon1, double lat2, double lon2);

/* The towns of p's country the first reading found, less the one it took
 * c itself for: a name does not support its own reading. */
#define OWN_UNASKED 0xFFFFu

static uint32_t town_support(ent_state *st, const cand *c, const sr_place *p)
{
    if (!st->second || p->country[0] < 'A' || p->country[0] > 'Z' || p->country[1] < 'A' ||
        p->country[1] > 'Z')
        return 0;
    uint32_t t = st->town_weight[(p->country[0] - 'A') * 26 + (p->country[1] - 'A')];
    size_t ci = (size_t)(c - (const cand *)(const void *)st->cands.data);
    if (t && ci < st->own_town.len / sizeof(uint16_t)) {
        uint16_t *own = &((uint16_t *)(void *)st->own_town.data)[ci];
        if (*own == OWN_UNASKED) {
            sr_place q;
            sr_gaz_place(st->gaz, ((const uint32_t *)(const void *)st->first.data)[ci], &q);
            *own = q.kind == SR_PLACE_CITY
                       ? (uint16_t)((unsigned)(unsigned char)q.country[0] << 8 | (unsigned char)q.country[1])
                       : 0;
        }
        if (*own == ((unsigned)(unsigned char)p->country[0] << 8 | (unsigned char)p->country[1]))
            t--;
    }
    return t;
}

/* lat, lon (degrees) as a point on the unit sphere: the chord between
 * two points grows with their distance, so the nearest is found without
 * a haversine per pair. */
static void unit_point(double lat, double lon, double v[3])
{
    const double r = 3.14159265358979323846 / 180;
    double cl = cos(lat * r);
    v[0] = cl * cos(lon * r);
    v[1] = cl * sin(lon * r);
    v[2] = sin(lat * r);
}

/* The unit points and population scores of the places met lately on this
 * thread, by gazetteer id: a namesake is scored at every name it may be
 * read for, in both readings and in every document ("Baghdad"), and its
 * sine, cosine and logarithm are the same each time.  Direct-mapped; each
 * thread its own (no lock), zeroed when the thread starts (id + 1, 0 for
 * none). */
enum { PLACE_CALC = 256 };
typedef struct place_calc {
    uint32_t point_of, score_of; /* id + 1 of the place v and score are of */
    double v[3];                 /* unit_point */
    double score;                /* 2.5 * log10(population + 10) */
    uint32_t admin1_of;          /* id + 1 of the place admin1 is of */
    uint64_t admin1;             /* admin1_pack of its admin1_code (0 none) */
} place_calc;
static _Thread_local place_calc place_calcs[PLACE_CALC];

/* unit_point of gazetteer place p */
static void place_point(const sr_place *p, double v[3])
{
    place_calc *m = &place_calcs[p->id % PLACE_CALC];
    if (m->point_of != p->id + 1) {
        unit_point(p->lat, p->lon, m->v);
        m->point_of = p->id + 1;
    }
    v[0] = m->v[0], v[1] = m->v[1], v[2] = m->v[2];
}

/* Its population's part of its score. */
static double population_score(const sr_place *p)
{
    place_calc *m = &place_calcs[p->id % PLACE_CALC];
    if (m->score_of != p->id + 1) {
        double pop = p->population;
        m->score = 2.5 * log10(pop + 10);
        m->score_of = p->id + 1;
    }
    return m->score;
}

/* Does the document name p's first-level region (admin1_seen of its
 * code, packed once per place and thread)? */
static bool place_admin1_seen(const ent_state *st, const sr_place *p)
{
    if (st->nadmin1 == 0 || !p->admin1_code)
        return false;
    place_calc *m = &place_calcs[p->id % PLACE_CALC];
    if (m->admin1_of != p->id + 1) {
        m->admin1 = admin1_pack(p->admin1_code);
        m->admin1_of = p->id + 1;
    }
    return m->admin1 && st->admin1_set[admin1_slot(st, m->admin1)] == m->admin1;
}

/* The squared chord between two points km apart on the sphere of
 * km_between. */
static double chord2_of_km(double km)
{
    double h = 2 * sin(km / (2 * 6371));
    return h * h;
}

/* How near p lies to the nearest place of the first reading named
 * otherwise than c: 2 within near_km, 1 within nearby_km, else 0.  The
 * anchor of the shortest chord is the nearest; its chord alone tells on
 * which side of a limit it lies, unless it is within a millionth of the
 * limit: that one is measured (km_between) as it always was.  Only the
 * anchors whose z lies within st->band of p's are measured: the chord to
 * any other is longer than both limits, so it is 0 when they are all such
 * (as it was when every anchor was measured), and the nearest of the band
 * otherwise (of equal chords, the one found first, as before). */
static int anchor_nearness(const ent_state *st, const cand *c, const sr_place *p)
{
    size_t n = SR_VEC_COUNT(&st->anchors, place_anchor);
    const place_anchor *a = (const place_anchor *)(const void *)st->anchors.data;
    if (n == 0)
        return 0;
    double v[3];
    place_point(p, v);
    if (isnan(v[0]) || isnan(v[1]) || isnan(v[2]))
        return 0; /* no chord compares: the distance measured is no number */
    size_t i = 0, hi_i = n;
    const double zlo = v[2] - st->band, zhi = v[2] + st->band;
    while (i < hi_i) {
        size_t mid = i + (hi_i - i) / 2;
        if (a[mid].z < zlo)
            i = mid + 1;
        else
            hi_i = mid;
    }
    double best = 5; /* chord lengths squared are at most 4 */
    size_t bi = n;
    const double lo = 1 - 1e-6, near = st->near_c2 * lo;
    for (; i < n && a[i].z <= zhi; i++) {
        if (a[i].key == c->key)
            continue;
        double dx = v[0] - a[i].x, dy = v[1] - a[i].y, dz = v[2] - a[i].z;
        double d2 = dx * dx + dy * dy + dz * dz;
        if (d2 < near) /* the nearest is at least this near: 2 */
            return 2;
        if (bi == n || d2 < best || (d2 == best && a[i].order < a[bi].order)) {
            best = d2;
            bi = i;
        }
    }
    if (bi == n)
        return 0;
    const double hi = 1 + 1e-6;
    if (best > st->near_c2 * hi && best > st->nearby_c2 * hi)
        return 0;
    if (best > st->near_c2 * hi && best < st->nearby_c2 * lo)
        return 1;
    double d = km_between(p->lat, p->lon, a[bi].lat, a[bi].lon);
    return d < st->lim.near_km ? 2 : d < st->lim.nearby_km ? 1 : 0;
}

static double place_score(ent_state *st, const cand *c, const sr_place *p,
                          const place_ctx *pc, bool *ok)
{
    *ok = true;
    double pop = p->population;
    double s = 0;
    /* the towns the first reading found in its country support it; one
     * alone (itself a reading) lets no small namesake in */
    uint32_t tw = town_support(st, c, p), w = country_weight(st, p->country) + tw / 2;
    const unit *first = &st->u[c->u0];
    const char *stated = pc->stated;
    size_t ncands = pc->ncands;
    bool locative = pc->locative, admin_next = pc->admin_next;
    /* "the Belgorod region": named as a place by the word after it */
    bool placed = locative || admin_next;
    switch (p->kind) {
    case SR_PLACE_COUNTRY:
        s += 30;
        break;
    case SR_PLACE_ADMIN1:
        /* "Idlib" is the city unless the text says "Idlib province" */
        s += 10 + (admin_next ? 20 : 0);
        /* "Kerry met ...": a county of a country nothing else in the
         * document names, called by a word the dictionary knows as a
         * proper noun and named where nothing calls it a place, is a
         * person's name */
        if (!stated && !placed && p->feature && strcmp(p->feature, "ADM2") == 0 &&
            p->country[0] >= 'A' && p->country[0] <= 'Z' && p->country[1] >= 'A' &&
            p->country[1] <= 'Z' &&
            w <= st->country_weak[(p->country[0] - 'A') * 26 + (p->country[1] - 'A')] &&
            sr_wordset_has(&sr_proper_words, st->src + first->start, first->end - first->start))
            *ok = false;
        /* "Western", "North Eastern", "Midlands": a region named only by
         * common words, of a country nothing in the document supports,
         * is those words ("Western powers", the Western provinces of
         * another country), not that region; "Western province" says
         * it is one */
        if (!stated && !admin_next && w + tw == 0 && common_words_only(st, c))
            *ok = false;
        break;
    case SR_PLACE_FACILITY:
        s += 18;
        break;
    default:
        /* population decides between namesakes: a tenfold larger place
         * outweighs a mention of the smaller one's country */
        s += population_score(p);
        if (p->flags & SR_PLACEF_CAPITAL)
            s += 1.5;
        if (p->flags & SR_PLACEF_ADMIN_SEAT)
            s += 0.5;
        /* a small place nothing in the document supports is a namesake;
         * an unambiguous one after "in", "near", "outside" is taken */
        if (w == 0 && !stated && pop < st->lim.small_namesake && !(placed && ncands == 1))
            *ok = false;
        if (w == 0 && !stated && !placed && pop < st->lim.unplaced_namesake)
            *ok = false;
        break;
    }
    /* "Reading the report...": a common word opening a sentence */
    if (p->kind != SR_PLACE_COUNTRY && pc->common_start)
        *ok = false;
    /* "X, Syria": no namesake of X in another country */
    if (stated && p->kind != SR_PLACE_COUNTRY && p->country[0] && strcmp(stated, p->country) != 0)
        *ok = false;
    /* "Mobile", "Split", "Muscat": a place named by a common word needs a
     * locative before it, or must be large and named mid-sentence.  The
     * flag says one of its names is a common word ("Rim" is one of Rome's):
     * the name read here must be that one */
    if ((p->flags & SR_PLACEF_COMMON_WORD) && !locative && c->u1 - c->u0 == 1 &&
        is_common_word(st, c->u0) &&
        ((first->flags & U_SENT) || pop < st->lim.common_word_town))
        *ok = false;
    /* a place ruled out is not scored further: its score is not read
     * (choose_place), and the namesakes ruled out are most of them; nor is
     * the only place of its name, whose score (a finite number) is above
     * any (choose_place's best starts at -1e9) */
    if (!*ok || ncands == 1)
        return s;
    w += tw - tw / 2;
    if (w)
        s += 3 + (w > 6 ? 6 : w) * 0.5;
    /* of namesakes, the one near the other places the document names */
    if (p->kind != SR_PLACE_COUNTRY && st->second && !isnan(p->lat)) {
        s += anchor_nearness(st, c, p);
    }
    if (place_admin1_seen(st, p))
        s += 3;
    if (stated)
        s += strcmp(stated, p->country) == 0 ? 40 : -40;
    /* named by its own name, not by a historical or foreign alternate
     * ("Pokrovsk" the Ukrainian town, not Engels's old name) */
    if (*ok && ncands > 1 && p->name && sr_gaz_name_key(st->gaz, p->id) == c->key)
        s += 3;
    return s;
}

static double km_between(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 3.14159265358979323846 / 180;
    double a = sin((lat2 - lat1) * r / 2), b = sin((lon2 - lon1) * r / 2);
    double h = a * a + cos(lat1 * r) * cos(lat2 * r) * b * b;
    return 2 * 6371 * asin(sqrt(h < 1 ? h : 1));
}

/* Is cand o named next to c, one comma, "and" or "or" between them? */
static bool named_beside(const ent_state *st, const cand *o, const cand *c)
{
    const cand *a = o->u0 < c->u0 ? o : c, *b = o->u0 < c->u0 ? c : o;
    if (a->u1 == 0 || a->u1 > b->u0 || b->u0 >= st->nu)
        return false;
    size_t ta = st->u[a->u1 - 1].tok, tb = st->u[b->u0].tok;
    return tb == ta + 2 && (token_text_is(st, ta + 1, ",") || token_text_is(st, ta + 1, "and") ||
                            token_text_is(st, ta + 1, "or"));
}

/* Does the name of cand o (a neighbour of c) hold a town of the region
 * `code` away from the city `city` (town == true: "Buffalo, New York", not
 * "Brooklyn, New York", a part of the city), or another first-level region
 * of its country that no large city shares its name with ("Ohio", not
 * "Giza")? */
static bool neighbour_in_region(ent_state *st, const cand *o, const char *code, bool town,
                                const sr_place *city)
{
    if (!o->key || (o->type != C_PLACE && o->type != C_ENTITY))
        return false;
    sr_place tmp[SR_MAX_CANDS];
    size_t n;
    const sr_place *ps = places_named(st, o->key, tmp, &n);
    bool region = false;
    for (size_t j = 0; j < n; j++) {
        const sr_place p = ps[j];
        if (!town && p.kind == SR_PLACE_CITY && p.population >= st->lim.large_city)
            return false;
        if (!p.admin1_code)
            continue;
        if (town && p.kind == SR_PLACE_CITY && strcmp(p.admin1_code, code) == 0 &&
            km_between(p.lat, p.lon, city->lat, city->lon) > st->lim.part_of_city_km)
            return true;
        if (!town && p.kind == SR_PLACE_ADMIN1 && p.feature && strcmp(p.feature, "ADM1") == 0 &&
            strncmp(p.admin1_code, code, 3) == 0 && strcmp(p.admin1_code, code) != 0)
            region = true;
    }
    return region;
}

static uint32_t choose_place(ent_state *st, const cand *c, place_ctx *pc);

/* How many place decisions ent_state.memo_slot indexes. */
#define MEMO_INDEXED 768

/* A place decision already taken in this document for the same name in
 * the same circumstances ("Mogadishu" five times): not worked out again. */
typedef struct place_memo {
    uint64_t key;
    uint32_t sig;   /* the circumstances: stated country, locative, ... */
    uint32_t pick;  /* gazetteer id, or UINT32_MAX for no place */
} place_memo;

/* The place entity of gazetteer entry pick, or UINT32_MAX. */
static uint32_t gaz_entity(ent_state *st, uint32_t pick)
{
    sr_place p;
    sr_gaz_place(st->gaz, pick, &p);
    uint32_t e = entity_for(st, (2ull << 60) | pick, SITREP_ENTITY_PLACE, p.name, 0, false);
    if (e == UINT32_MAX)
        return e;
    sr_entity *x = ent_at(st, e);
    if (x->gaz == UINT32_MAX) {
        x->gaz = pick;
        x->e.source |= SITREP_FOUND_GAZETTEER;
        memcpy(x->country, p.country, 3);
        x->e.admin1 = p.admin1;
        x->e.admin1_code = p.admin1_code;
        x->e.feature = p.feature;
        x->e.lat = p.lat;
        x->e.lon = p.lon;
    }
    return e;
}

/* The gazetteer entry cand c's name reads as here, UINT32_MAX for none;
 * *qualifier when the name is a word that qualifies the next one. */
/* place_pick's reading of cand c's words: false when the name is a
 * dictionary word qualifying the next name; else what they say in *pc
 * (the country stated in buf) and *sig. */
static bool read_pick_words(ent_state *st, const cand *c, char buf[3], place_ctx *pc, uint32_t *sig)
{
    int common = -1; /* is_common_word(st, c->u0), asked once */
    /* "North America", "East Java", "Central Java": a dictionary word
     * written right before another name qualifies it; it is no place of
     * its own (Cameroon's North region) unless a word of administration
     * follows ("North Province") */
    if (c->u1 - c->u0 == 1 && c->u1 < st->nu && !(st->u[c->u0].flags & U_ALLCAPS) &&
        (common = is_common_word(st, c->u0)) &&
        st->u[c->u1].tok == st->u[c->u0].tok + 1 && (st->u[c->u1].flags & U_CAP) &&
        !(st->u[c->u1].flags & (U_BREAK | U_PBREAK)) && !UNIT_IS(st, c->u1, ADMIN_WORDS))
        return false;
    const char *stated = stated_country(st, c, buf, NULL);
    const unit *first = &st->u[c->u0];
    *pc = (place_ctx){stated, 0,
                      c->u0 > 0 && !(first->flags & U_BREAK) && UNIT_IS(st, c->u0 - 1, LOCATIVES),
                      c->u1 < st->nu && UNIT_IS(st, c->u1, ADMIN_WORDS),
                      (first->flags & U_SENT) && c->u1 - c->u0 == 1 &&
                          (common >= 0 ? common : is_common_word(st, c->u0))};
    *sig = (stated ? ((uint32_t)(unsigned char)stated[0] << 8 | (unsigned char)stated[1]) << 8 : 0) |
           (pc->locative ? 1u : 0) | (pc->admin_next ? 2u : 0) | (pc->common_start ? 4u : 0) |
           ((first->flags & U_SENT) ? 8u : 0) | (c->u1 - c->u0 == 1 ? 16u : 0);
    /* the word after it ("state", "department") may decide between
     * regions of one name (choose_place): a decision per word */
    if (pc->admin_next)
        *sig |= (uint32_t)(span_key(st, c->u1, c->u1 + 1) % 255 + 1) << 24;
    return true;
}

/* What read_pick_words found of a candidate in the first reading
 * (first_reading), the same in the second. */
typedef struct pick_words {
    uint32_t sig;    /* its circumstances but the second reading's ref_of */
    char stated[3];  /* the country stated for it, "" none */
    uint8_t state;   /* PW_* */
} pick_words;
enum { PW_UNREAD, PW_READ, PW_QUALIFIER };

static uint32_t place_pick(ent_state *st, const cand *c, bool *qualifier)
{
    *qualifier = false;
    size_t ci = (size_t)(c - (const cand *)(const void *)st->cands.data);
    pick_words *pw = ci < SR_VEC_COUNT(&st->pick_words, pick_words)
                         ? &((pick_words *)(void *)st->pick_words.data)[ci]
                         : NULL;
    char buf[3];
    place_ctx pc;
    uint32_t sig;
    if (st->second && pw && pw->state != PW_UNREAD) {
        if (pw->state == PW_QUALIFIER) {
            *qualifier = true;
            return UINT32_MAX;
        }
        memcpy(buf, pw->stated, 3);
        sig = pw->sig;
        pc = (place_ctx){buf[0] ? buf : NULL, 0, (sig & 1u) != 0, (sig & 2u) != 0, (sig & 4u) != 0};
    } else if (!read_pick_words(st, c, buf, &pc, &sig)) {
        if (pw && !st->second)
            pw->state = PW_QUALIFIER;
        *qualifier = true;
        return UINT32_MAX;
    } else if (pw && !st->second) {
        pw->sig = sig;
        pw->stated[0] = pc.stated ? pc.stated[0] : '\0';
        pw->stated[1] = pc.stated ? pc.stated[1] : '\0';
        pw->stated[2] = '\0';
        pw->state = PW_READ;
    }
    sig |= ref_of(st, c) ? 32u : 0;
    size_t nm = SR_VEC_COUNT(&st->memo, place_memo);
    const place_memo *memo = (const place_memo *)(const void *)st->memo.data;
    /* the decisions found by hash while there are few enough to index
     * (linear probing at most three quarters full), else by a walk */
    size_t slot = (size_t)(((c->key ^ sig) * 0x9E3779B97F4A7C15ull) >> 54);
    if (nm < MEMO_INDEXED) {
        for (; st->memo_slot[slot]; slot = (slot + 1) & 1023) {
            const place_memo *x = &memo[st->memo_slot[slot] - 1];
            if (x->key == c->key && x->sig == sig)
                return x->pick;
        }
    } else {
        for (size_t mi = 0; mi < nm; mi++)
            if (memo[mi].key == c->key && memo[mi].sig == sig)
                return memo[mi].pick;
    }
    uint32_t pick = choose_place(st, c, &pc);
    place_memo m = {c->key, sig, pick};
    if (!SR_VEC_PUSH(&st->memo, place_memo, m))
        st->oom = true;
    else if (nm < MEMO_INDEXED)
        st->memo_slot[slot] = (uint16_t)(nm + 1);
    return pick;
}

#define MAX_ANCHORS 64

/* Is token t the word w, in any case? */
static bool tok_word(const ent_state *st, size_t t, const char *w)
{
    return t < st->ntok && sr_ieq(st->src + st->tok[t].start, st->tok[t].end - st->tok[t].start, w);
}

/* Is token t a word of lexicon class k? */
static bool tok_in(const ent_state *st, size_t t, enum sr_lexclass k)
{
    return t < st->ntok &&
           sr_lex_in(lex_of(st->src + st->tok[t].start, st->tok[t].end - st->tok[t].start), k);
}

/* After the name ending at token t, ", 15 km south of", ", 20 miles
 * from": the distance in km, and *ref the token after "of"/"from"; 0 when
 * the words after the name are not so. */
static double distance_after(const ent_state *st, size_t t, size_t *ref)
{
    if (!tok_word(st, t + 1, ",") || t + 3 >= st->ntok)
        return 0;
    const sitrep_token *n = &st->tok[t + 2];
    char buf[24];
    size_t len = 0;
    for (uint32_t b = n->start; b < n->end && len + 1 < sizeof buf; b++) {
        char ch = st->src[b];
        if (ch >= '0' && ch <= '9')
            buf[len++] = ch;
        else if (ch == '.')
            buf[len++] = ch;
        else if (ch != ',')
            return 0;
    }
    buf[len] = '\0';
    double v = len ? strtod(buf, NULL) : 0;
    if (!(v > 0) || !tok_in(st, t + 3, SR_LEX_FRAME_DISTANCE) || tok_word(st, t + 3, "away"))
        return 0;
    if ((st->src[st->tok[t + 3].start] | 0x20) == 'm')
        v *= 1.609344; /* miles */
    size_t k = t + 4;
    while (k < st->ntok && k < t + 8 &&
           (tok_in(st, k, SR_LEX_FRAME_DIRECTION_OF_DISTANCE) || tok_word(st, k, "-")))
        k++;
    if (!tok_word(st, k, "of") && !tok_word(st, k, "from"))
        return 0;
    *ref = k + 1;
    return v;
}

/* The place cand i is measured from ("X, 15 km south of Y"), or NULL. */
static const place_ref *ref_of(const ent_state *st, const cand *c)
{
    size_t ci = (size_t)(c - (const cand *)(const void *)st->cands.data);
    if (!st->second || ci >= st->refs.len / sizeof(place_ref))
        return NULL;
    const place_ref *r = &((const place_ref *)(const void *)st->refs.data)[ci];
    return isnan(r->lat) ? NULL : r;
}

/* b as an array of n elements of `size` bytes (contents undefined) in
 * *out; false, with st->oom set, when out of memory. */
static bool buf_array(ent_state *st, sr_buf *b, size_t n, size_t size, void **out)
{
    b->len = 0;
    if (!sr_buf_reserve(b, n * size)) {
        st->oom = true;
        return false;
    }
    b->len = n * size;
    *out = b->data;
    return true;
}

/* The references of the document's places, from their first reading. */
static void measured_from(ent_state *st, const uint32_t *first, size_t nc)
{
    void *mem;
    if (!buf_array(st, &st->refs, nc, sizeof(place_ref), &mem))
        return;
    place_ref *refs = mem;
    const cand *cs = (const cand *)(const void *)st->cands.data;
    for (size_t i = 0; i < nc; i++) {
        refs[i] = (place_ref){NAN, NAN, 0, ""};
        if ((cs[i].type != C_PLACE && cs[i].type != C_CTXPLACE) || cs[i].u1 == 0)
            continue;
        size_t rt = 0;
        double km = distance_after(st, st->u[cs[i].u1 - 1].tok, &rt);
        if (!(km > 0))
            continue;
        for (size_t j = i + 1; j < nc && j < i + 8; j++) {
            if (cs[j].u0 >= st->nu || st->u[cs[j].u0].tok != rt)
                continue;
            if (first[j] == UINT32_MAX)
                break;
            sr_place q;
            sr_gaz_place(st->gaz, first[j], &q);
            if (q.kind == SR_PLACE_COUNTRY || q.kind == SR_PLACE_DEMONYM || isnan(q.lat) ||
                isnan(q.lon) || !q.country[0])
                break;
            refs[i] = (place_ref){q.lat, q.lon, km, {q.country[0], q.country[1], '\0'}};
            break;
        }
    }
}

/* The first reading: every place name read on what the document names
 * outright (collect_context); the towns it finds then support their
 * countries, and its places' points tell a namesake near them from one
 * far away, in the second reading (place_score). */
static void first_reading(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    void *mem;
    if (!buf_array(st, &st->pick_words, nc, sizeof(pick_words), &mem))
        return;
    memset(mem, 0, nc * sizeof(pick_words)); /* PW_UNREAD */
    if (!buf_array(st, &st->first, nc, sizeof(uint32_t), &mem))
        return;
    uint32_t *first = mem;
    for (size_t i = 0; i < nc; i++) {
        const cand *c = &SR_VEC_AT(&st->cands, cand, i);
        bool qualifier;
        first[i] = c->type == C_PLACE ? place_pick(st, c, &qualifier) : UINT32_MAX;
    }
    /* the country of the town each name was read as, for town_support
     * (OWN_UNASKED until it asks) */
    if (!buf_array(st, &st->own_town, nc, sizeof(uint16_t), &mem))
        return;
    uint16_t *own = mem;
    for (size_t i = 0; i < nc; i++)
        own[i] = first[i] == UINT32_MAX ? 0 : OWN_UNASKED;
    uint32_t seen[MAX_ANCHORS];
    size_t nseen = 0;
    for (size_t i = 0; i < nc && nseen < MAX_ANCHORS; i++) {
        if (first[i] == UINT32_MAX)
            continue;
        size_t k = 0;
        while (k < nseen && seen[k] != first[i])
            k++;
        if (k < nseen)
            continue;
        seen[nseen++] = first[i];
        sr_place p;
        sr_gaz_place(st->gaz, first[i], &p);
        /* a town counts when it is large or its country is named: a small
         * one of a country nothing names may be a misread word itself */
        if (p.kind == SR_PLACE_CITY && p.country[0] >= 'A' && p.country[0] <= 'Z' &&
            p.country[1] >= 'A' && p.country[1] <= 'Z' &&
            (p.population >= st->lim.small_namesake || country_weight(st, p.country) > 0))
            st->town_weight[(p.country[0] - 'A') * 26 + (p.country[1] - 'A')]++;
        if ((p.kind == SR_PLACE_CITY || p.kind == SR_PLACE_ADMIN1 || p.kind == SR_PLACE_FACILITY) &&
            !isnan(p.lat) && !isnan(p.lon)) {
            place_anchor a = {SR_VEC_AT(&st->cands, cand, i).key, p.lat, p.lon, 0, 0, 0,
                              SR_VEC_COUNT(&st->anchors, place_anchor)};
            double v[3];
            place_point(&p, v);
            a.x = v[0], a.y = v[1], a.z = v[2];
            if (!SR_VEC_PUSH(&st->anchors, place_anchor, a))
                st->oom = true;
        }
    }
    /* the anchors in order of z, for anchor_nearness (at most MAX_ANCHORS) */
    place_anchor *an = (place_anchor *)(void *)st->anchors.data;
    size_t na = SR_VEC_COUNT(&st->anchors, place_anchor);
    for (size_t i = 1; i < na; i++) {
        place_anchor x = an[i];
        size_t k = i;
        for (; k > 0 && an[k - 1].z > x.z; k--)
            an[k] = an[k - 1];
        an[k] = x;
    }
    measured_from(st, first, nc);
    st->memo.len = 0; /* the second reading decides afresh */
    memset(st->memo_slot, 0, sizeof st->memo_slot);
    st->second = true;
}

static void measured_place(ent_state *st, cand *c);

static void resolve_context_place_in(ent_state *st, cand *c, const char *cc, const char *region);

static void resolve_place(ent_state *st, cand *c)
{
    bool qualifier;
    uint32_t pick = place_pick(st, c, &qualifier);
    c->type = 0; /* consumed */
    if (pick == UINT32_MAX && !qualifier && ref_of(st, c)) {
        measured_place(st, c);
        return;
    }
    if (pick == UINT32_MAX) {
        /* "X, Usulutan department" with no X the gazetteer puts there:
         * a place of the country the text states, all the same */
        char buf[3];
        const char *region;
        const char *cc = qualifier ? NULL : stated_country(st, c, buf, &region);
        if (cc)
            resolve_context_place_in(st, c, cc, region);
        return;
    }
    uint32_t e = gaz_entity(st, pick);
    if (e == UINT32_MAX)
        return;
    c->type = C_ENTITY;
    c->entity = e;
}

/* The best of the places named like c, or UINT32_MAX (none fits, or the
 * word is a demonym). */
static uint32_t choose_place(ent_state *st, const cand *c, place_ctx *pc)
{
    sr_place tmp[SR_MAX_CANDS];
    size_t n;
    const sr_place *ps = places_named(st, c->key, tmp, &n);
    pc->ncands = n;
    /* "Iraq, Iran and Syria": a country's name before another's is a
     * list, not a town of the second (unless a region of it has the name:
     * "Georgia, United States") */
    if (pc->stated) {
        bool country = false, region = false;
        for (size_t j = 0; j < n; j++) {
            const sr_place *p = &ps[j];
            country |= p->kind == SR_PLACE_COUNTRY && strcmp(p->country, pc->stated) != 0;
            region |= p->kind == SR_PLACE_ADMIN1 && strcmp(p->country, pc->stated) == 0;
        }
        if (country && !region)
            pc->stated = NULL;
    }
    double best = -1e9;
    uint32_t pick = UINT32_MAX;
    bool demonym = false;
    sr_place bp;
    memset(&bp, 0, sizeof bp);
    /* the first-level subdivision named so that the document's countries
     * support most (and its country's weight) */
    uint32_t region = UINT32_MAX, region_w = 0;
    const char *region_code = NULL;
    /* "Plateau state": the regions whose own name holds the word after it
     * ("Plateau State", Nigeria) go before those it only follows
     * (Plateau, a department of Benin) */
    uint32_t whole[8];
    size_t nwhole = 0;
    if (pc->admin_next && c->u1 < st->nu) {
        nwhole = sr_gaz_lookup(st->gaz, span_key(st, c->u0, c->u1 + 1), whole, 8);
        if (nwhole > 8)
            nwhole = 8;
    }
    double best_whole = -1e9;
    uint32_t pick_whole = UINT32_MAX;
    for (size_t j = 0; j < n; j++) {
        const sr_place *p = &ps[j];
        if (p->kind == SR_PLACE_DEMONYM) {
            demonym = true;
            continue;
        }
        bool ok;
        double s = place_score(st, c, p, pc, &ok);
        /* named elsewhere in the document with another word ("Plateau
         * state" there, "Plateau department" here): another region */
        if (ok && pc->admin_next && p->kind == SR_PLACE_ADMIN1 && p->admin1_code && st->nnamed_with) {
            uint64_t a = admin1_pack(p->admin1_code), word = span_key(st, c->u1, c->u1 + 1);
            for (size_t k = 0; k < st->nnamed_with; k++)
                if (st->named_with[k].admin1 == a && st->named_with[k].word != word)
                    ok = false;
        }
        for (size_t w = 0; w < nwhole && ok; w++)
            if (whole[w] == p->id && s > best_whole) {
                best_whole = s;
                pick_whole = p->id;
            }
        /* "X, 15 km south of Y": no namesake of X far from Y */
        const place_ref *ref = ref_of(st, c);
        if (ok && ref && p->kind != SR_PLACE_COUNTRY && !isnan(p->lat) &&
            km_between(p->lat, p->lon, ref->lat, ref->lon) >
                ref->km * st->lim.distance_percent / 100 + st->lim.distance_margin_km)
            ok = false;
        if (ok && p->kind == SR_PLACE_ADMIN1 && p->feature && strcmp(p->feature, "ADM1") == 0 &&
            (region == UINT32_MAX || country_weight(st, p->country) > region_w)) {
            region = p->id;
            region_w = country_weight(st, p->country);
            region_code = p->admin1_code;
        }
        if (ok && (s > best || (s == best && p->id < pick))) {
            best = s;
            pick = p->id;
            bp = *p;
        }
    }
    if (demonym && c->u1 - c->u0 == 1)
        return UINT32_MAX;
    if (pick_whole != UINT32_MAX)
        return pick_whole;
    if (pick == UINT32_MAX || region == UINT32_MAX || pick == region)
        return pick;
    /* "Georgia" next to "Alabama": a country nothing else in the document
     * names loses to a region of a country whose other regions it names */
    if (bp.kind == SR_PLACE_COUNTRY && country_weight(st, bp.country) == 0 &&
        other_region_seen(st, region_code))
        return region;
    /* "Oregon", "Wyoming": a region's name beats a town named after it in
     * another region (a town of Ohio called Oregon), unless the town is a
     * capital or a large city; the region's own seat ("Idlib") keeps it */
    if (bp.kind == SR_PLACE_CITY && !(bp.flags & SR_PLACEF_CAPITAL) && bp.population < st->lim.large_city &&
        !(bp.admin1_code && region_code && strcmp(bp.admin1_code, region_code) == 0) &&
        region_w > 0 && region_w >= country_weight(st, bp.country))
        return region;
    /* "Atlanta, Georgia": a country's name right after a town of a
     * first-level region of that name, a comma between, is the region,
     * however little else the article says of its country */
    if (bp.kind == SR_PLACE_COUNTRY && region_code) {
        const cand *base = (const cand *)(const void *)st->cands.data;
        size_t ci = (size_t)(c - base);
        if (ci > 0 && base[ci - 1].u1 > 0 && base[ci - 1].u1 <= c->u0 &&
            st->u[c->u0].tok == st->u[base[ci - 1].u1 - 1].tok + 2 &&
            token_text_is(st, st->u[base[ci - 1].u1 - 1].tok + 1, ",") &&
            neighbour_in_region(st, &base[ci - 1], region_code, true, &bp))
            return region;
    }
    /* "Buffalo, New York": after a town of the region, the name is the
     * region; "Ohio, New York and Texas": named beside another first-level
     * region of its country, it is one too (large cities included, not a
     * country's capital: "Bamako and Segou") */
    if (bp.kind == SR_PLACE_CITY && !(bp.flags & SR_PLACEF_CAPITAL) && region_code && region_w > 0) {
        const cand *base = (const cand *)(const void *)st->cands.data;
        size_t nc = SR_VEC_COUNT(&st->cands, cand), ci = (size_t)(c - base);
        if (ci > 0 && named_beside(st, &base[ci - 1], c) &&
            (neighbour_in_region(st, &base[ci - 1], region_code, true, &bp) ||
             neighbour_in_region(st, &base[ci - 1], region_code, false, &bp)))
            return region;
        if (ci + 1 < nc && named_beside(st, &base[ci + 1], c) &&
            neighbour_in_region(st, &base[ci + 1], region_code, false, &bp))
            return region;
    }
    return pick;
}

/* The place entity of c's name read from its context (the gazetteer
 * does not hold it), or UINT32_MAX. */
static uint32_t context_entity(ent_state *st, const cand *c)
{
    uint32_t e = entity_for(st, (4ull << 60) ^ (c->key & ((1ull << 60) - 1)), SITREP_ENTITY_PLACE,
                            st->src + c->start, c->end - c->start, true);
    if (e != UINT32_MAX)
        ent_at(st, e)->e.source |= SITREP_FOUND_CONTEXT;
    return e;
}

/* "X, 15 km south of Y" where the gazetteer has no X near Y: a place of
 * Y's country, at Y's point (no closer than its reference). */
static void measured_place(ent_state *st, cand *c)
{
    const place_ref *r = ref_of(st, c);
    c->type = 0;
    if (!r)
        return;
    uint32_t e = context_entity(st, c);
    if (e == UINT32_MAX)
        return;
    sr_entity *x = ent_at(st, e);
    memcpy(x->country, r->cc, 3);
    if (isnan(x->e.lat)) {
        x->e.lat = r->lat;
        x->e.lon = r->lon;
    }
    c->type = C_ENTITY;
    c->entity = e;
}

/* A place the gazetteer lacks, placed in the document's main country. */
/* How many mentions read so far are of places (towns and regions, not
 * the country itself) in the country of alpha-2 letters a, b (0-25); and,
 * when lat is not NULL, the middle of those of them with a point (the
 * mean of their points on the sphere) in *lat, *lon, left alone when none
 * has one. */
static uint32_t places_read_in(ent_state *st, uint32_t a, uint32_t b, double *lat, double *lon)
{
    uint32_t n = 0, pts = 0;
    double v[3] = {0, 0, 0};
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t k = 0; k < nc; k++) {
        const cand *o = &SR_VEC_AT(&st->cands, cand, k);
        if (o->type != C_ENTITY || o->hidden || o->reading)
            continue;
        const sr_entity *x = ent_at(st, o->entity);
        if (x->e.kind != SITREP_ENTITY_PLACE || x->country[0] != (char)('A' + a) ||
            x->country[1] != (char)('A' + b) || (x->e.feature && strcmp(x->e.feature, "country") == 0))
            continue;
        n++;
        if (!lat || !x->e.feature || isnan(x->e.lat) || isnan(x->e.lon))
            continue;
        double u[3];
        unit_point(x->e.lat, x->e.lon, u);
        v[0] += u[0], v[1] += u[1], v[2] += u[2];
        pts++;
    }
    double r = sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (lat && pts && r > 0) {
        const double deg = 180 / 3.14159265358979323846;
        *lat = asin(v[2] / r) * deg;
        *lon = atan2(v[1], v[0]) * deg;
    }
    return n;
}

static void resolve_context_place_in(ent_state *st, cand *c, const char *cc, const char *region)
{
    if (ref_of(st, c)) {
        measured_place(st, c);
        return;
    }
    c->type = 0;
    /* the heaviest country, and how many others weigh as much: the
     * weights are final once collect_context has run, so they are read
     * once per document */
    if (!st->heaviest_known) {
        uint32_t hb = 0, hi = 0, ht = 0;
        for (uint32_t i = 0; i < 26 * 26; i++)
            if (st->country_weight[i] > hb) {
                hb = st->country_weight[i];
                hi = i;
                ht = 0;
            } else if (hb && st->country_weight[i] == hb) {
                ht++;
            }
        st->heaviest[0] = hb, st->heaviest[1] = hi, st->heaviest[2] = ht;
        st->heaviest_known = true;
    }
    uint32_t best = st->heaviest[0], bi = st->heaviest[1], ties = st->heaviest[2];
    /* countries that weigh the same: the one more of the places already
     * read are in ("in Zorvanka" after Lima and Ambo) */
    if (ties && !cc) {
        uint32_t most = 0;
        for (uint32_t i = 0; i < 26 * 26; i++) {
            if (st->country_weight[i] != best)
                continue;
            uint32_t n = places_read_in(st, i / 26, i % 26, NULL, NULL);
            if (n > most) {
                most = n;
                bi = i;
            }
        }
    }
    if (cc && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z') {
        best = 1;
        bi = (uint32_t)(cc[0] - 'A') * 26 + (uint32_t)(cc[1] - 'A');
    }
    if (best == 0)
        return; /* nowhere to put it: not a place we can stand behind */
    uint32_t e = context_entity(st, c);
    if (e == UINT32_MAX)
        return;
    sr_entity *x = ent_at(st, e);
    x->country[0] = (char)('A' + bi / 26);
    x->country[1] = (char)('A' + bi % 26);
    x->country[2] = '\0';
    /* placed no closer than its region, when the text names it ("X,
     * Usulutan department") or a place listed with it is in one, else its
     * country: at that one's point, with no feature of its own (a map
     * shows it, ACLED's precision says 3) */
    uint32_t cp = region && strncmp(region, x->country, 2) == 0 ? sr_gaz_admin1(st->gaz, region) : UINT32_MAX;
    /* no region: amid the towns and regions of its country the article
     * has read, when it has read any (a village of the article's area,
     * not the middle of the country) */
    if (cp == UINT32_MAX && isnan(x->e.lat))
        places_read_in(st, bi / 26, bi % 26, &x->e.lat, &x->e.lon);
    if (cp == UINT32_MAX)
        cp = sr_gaz_country(st->gaz, x->country);
    if (cp != UINT32_MAX && isnan(x->e.lat)) {
        sr_place p;
        sr_gaz_place(st->gaz, cp, &p);
        if (p.kind == SR_PLACE_ADMIN1 && !x->e.admin1_code) {
            x->e.admin1_code = p.admin1_code;
            x->e.admin1 = p.admin1;
        }
        x->e.lat = p.lat;
        x->e.lon = p.lon;
    }
    c->type = C_ENTITY;
    c->entity = e;
}

static void resolve_context_place(ent_state *st, cand *c)
{
    /* "in Villa Quesorra, Usulutan department": the country and region
     * the text states for it */
    char buf[3];
    const char *region;
    const char *cc = stated_country(st, c, buf, &region);
    resolve_context_place_in(st, c, cc, cc ? region : NULL);
}

/* Is unknown cand c a name listed with place p ("al-Rai and Dabiq",
 * "Dabiq, al-Rai"): p right before or after it, parted by a coordinator
 * or a comma alone? */
static bool listed_with(const ent_state *st, const cand *a, const cand *b)
{
    /* "A and B", and "A, B, and C" with the comma before the coordinator */
    if (b->u0 == a->u1 + 1)
        return UNIT_IS(st, a->u1, COORDINATORS) &&
               (st->u[a->u1].tok == st->u[a->u1 - 1].tok + 1 ||
                (st->u[a->u1].tok == st->u[a->u1 - 1].tok + 2 &&
                 token_text_is(st, st->u[a->u1 - 1].tok + 1, ","))) &&
               st->u[b->u0].tok == st->u[a->u1].tok + 1;
    return b->u0 == a->u1 && st->u[b->u0].tok == st->u[a->u1 - 1].tok + 2 &&
           token_text_is(st, st->u[a->u1 - 1].tok + 1, ",");
}

/* An unknown name listed with a place is a place of the same country
 * ("captured al-Rai and Dabiq"): the gazetteer lacks small villages. */
static void listed_places(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t i = 0; i < nc && !st->oom; i++) {
        cand *c = &SR_VEC_AT(&st->cands, cand, i);
        if (c->type != C_SINGLE || c->hidden || c->u1 - c->u0 > 3 || (st->u[c->u0].flags & U_SENT))
            continue;
        bool plain = true;
        for (size_t k = c->u0; k < c->u1 && plain; k++) {
            const unit *x = &st->u[k];
            plain = (x->flags & U_CAP) && !(x->flags & (U_FUNC | U_ALLCAPS | U_POSS)) &&
                    !sr_wordset_has(&sr_dict_words, st->src + x->start, x->end - x->start) &&
                    !sr_wordset_has(&sr_given_names, st->src + x->start, x->end - x->start);
        }
        /* the whole name, not a word of a longer one ("Kherbet Saloum") */
        if (!plain || (c->u1 < st->nu && !(st->u[c->u1].flags & U_BREAK) &&
                       (st->u[c->u1].flags & (U_CAP | U_ALLCAPS))) ||
            (c->u0 > 0 && !(st->u[c->u0].flags & U_BREAK) &&
             (st->u[c->u0 - 1].flags & (U_CAP | U_ALLCAPS))))
            continue;
        const cand *p = NULL;
        for (int side = 0; side < 2 && !p; side++) {
            size_t j = side ? i + 1 : i - 1;
            if ((side == 0 && i == 0) || j >= nc)
                continue;
            const cand *o = &SR_VEC_AT(&st->cands, cand, j);
            /* a town or a region: "In Japan, Tamiflu is ...", "(Belgium,
             * Atriac team)" list no place of Japan or Belgium */
            if (o->type != C_ENTITY || o->hidden || o->reading ||
                ent_at(st, o->entity)->e.kind != SITREP_ENTITY_PLACE ||
                !ent_at(st, o->entity)->country[0] ||
                (ent_at(st, o->entity)->e.feature && strcmp(ent_at(st, o->entity)->e.feature, "country") == 0))
                continue;
            if (side == 0 ? listed_with(st, o, c) : listed_with(st, c, o))
                p = o;
        }
        /* "at Carampangue and Alborada streets": streets, not towns */
        if (!p)
            continue;
        size_t after = p->u1 > c->u1 ? p->u1 : c->u1;
        if (after < st->nu && UNIT_IS(st, after, STREET_WORDS))
            continue;
        /* only in the country the document is about: a word that
         * happens to match a place abroad lists nothing */
        char cc[3];
        memcpy(cc, ent_at(st, p->entity)->country, 3);
        uint32_t w = country_weight(st, cc) + places_read_in(st, cc[0] - 'A', cc[1] - 'A', NULL, NULL);
        bool top = w > 0;
        for (uint32_t k = 0; k < 26 * 26 && top; k++)
            top = k == (uint32_t)((cc[0] - 'A') * 26 + (cc[1] - 'A')) ||
                  st->country_weight[k] + (st->country_weight[k] ? places_read_in(st, k / 26, k % 26, NULL, NULL) : 0) <= w;
        if (top)
            resolve_context_place_in(st, c, cc, ent_at(st, p->entity)->e.admin1_code);
    }
}

static int32_t kb_in_context(const ent_state *st, uint64_t key, int32_t a, const cand *c)
{
    int32_t best = a;
    uint32_t best_w = country_weight(st, sr_actors[a].country);
    for (uint32_t s = (uint32_t)key & sr_actor_alias_mask;; s = (s + 1) & sr_actor_alias_mask) {
        const sr_actor_alias *x = &sr_actor_aliases[s];
        if (x->key == 0)
            break;
        if (x->key != key || (int32_t)x->actor == a)
            continue;
        if (x->exact && !spelled(st, c->u0, c->u1, x->exact))
            continue;
        uint32_t w = country_weight(st, sr_actors[x->actor].country);
        if (w > best_w) {
            best = (int32_t)x->actor;
            best_w = w;
        }
    }
    return best;
}

static void settle_shared_names(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t i = 0; i < nc && !st->oom; i++) {
        cand *c = &SR_VEC_AT(&st->cands, cand, i);
        if (c->type != C_ENTITY || c->key == 0)
            continue;
        int32_t a = ent_at(st, c->entity)->actor;
        if (a < 0)
            continue;
        int32_t b = kb_in_context(st, c->key, a, c);
        if (b != a) {
            uint32_t e = actor_entity(st, b);
            if (e != UINT32_MAX)
                c->entity = e;
        }
    }
}

/* ---- actors named by a country, a nationality or a known group ---- */

/* The state actor of country cc that group g stands for ("Military
 * Forces of Iraq", "Government of Türkiye", "People of Syria": ACLED's
 * names), or UINT32_MAX. */
static uint32_t state_actor(ent_state *st, const char *cc, int32_t g)
{
    const char *head; /* the name before the country's */
    sitrep_entity_kind kind;
    switch (g) {
    case SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_MILITARY:
        head = "Military Forces of ", kind = SITREP_ENTITY_MILITARY;
        break;
    case SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_POLICE:
        head = "Police Forces of ", kind = SITREP_ENTITY_MILITARY;
        break;
    case SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_GOVERNMENT:
        head = "Government of ", kind = SITREP_ENTITY_GOVERNMENT;
        break;
    case SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_PEOPLE:
        head = "People of ", kind = SITREP_ENTITY_ORGANIZATION;
        break;
    default:
        return UINT32_MAX;
    }
    uint32_t pid = st->gaz ? sr_gaz_country(st->gaz, cc) : UINT32_MAX;
    if (pid == UINT32_MAX)
        return UINT32_MAX;
    sr_place p;
    sr_gaz_place(st->gaz, pid, &p);
    char name[160];
    size_t hn = strlen(head), cn = strlen(p.name), n = hn + cn;
    if (n >= sizeof name)
        return UINT32_MAX;
    memcpy(name, head, hn);
    memcpy(name + hn, p.name, cn + 1);
    uint64_t id = (5ull << 60) | ((uint64_t)(unsigned char)cc[0] << 16) |
                  ((uint64_t)(unsigned char)cc[1] << 8) | (uint64_t)g;
    uint32_t e = entity_for(st, id, kind, name, n, true);
    if (e != UINT32_MAX && !ent_at(st, e)->country[0]) {
        memcpy(ent_at(st, e)->country, p.country, 3);
        ent_at(st, e)->e.source |= SITREP_FOUND_PATTERN;
    }
    return e;
}

/* A group of people after unit u1 ("forces", "security forces", "tactical
 * units"): its end and group (group_nouns), or 0. */
static size_t group_after(const ent_state *st, size_t u1, int32_t *g)
{
    size_t i = u1;
    /* "Uganda's army": the break a possessive makes does not part them */
    bool poss = u1 > 0 && u1 < st->nu && (st->u[u1 - 1].flags & U_POSS) &&
                st->u[u1].tok == st->u[u1 - 1].tok + 1;
    for (size_t k = 0; k < 3; k++) {
        if (i >= st->nu || ((st->u[i].flags & U_BREAK) && !(poss && i == u1)) ||
            !(st->u[i].flags & U_LOWER))
            return 0;
        size_t n = 0;
        if (sr_lex_heads(ulex(st, i), SR_LEX_ENTITIES_GROUP_NOUNS) ||
            UNIT_IS(st, i, GROUP_NOUNS)) {
            const char *w[8];
            size_t l[8], m = 0;
            for (size_t j = i; j < st->nu && m < 8 && (j == i || !(st->u[j].flags & U_BREAK)); j++, m++) {
                w[m] = st->src + st->u[j].start;
                l[m] = st->u[j].end - st->u[j].start;
            }
            sr_lexid id = 0;
            n = sr_lex_phrase(SR_LEX_ENTITIES_GROUP_NOUNS, w, l, m, ulex(st, i), &id);
            if (n) {
                /* a group noun before another ("military forces",
                 * "government officials") qualifies it */
                if (i + n < st->nu && !(st->u[i + n].flags & U_BREAK) &&
                    (st->u[i + n].flags & U_LOWER) && UNIT_IS(st, i + n, GROUP_NOUNS)) {
                    i += n;
                    continue;
                }
                *g = sr_lex_value(id, SR_LEX_ENTITIES_GROUP_NOUNS, SR_LEXCOL_ENTITIES_GROUP_NOUNS_ACTOR);
                return i + n;
            }
        }
        if (!UNIT_IS(st, i, GROUP_MODIFIERS))
            return 0;
        i++;
    }
    return 0;
}

/* A group no state actor stands for, named by a country or a
 * nationality ("Kurdish fighters", "the Syrian opposition", "Turkish
 * allies"): an organisation of its own named by the words, in country
 * cc; fighters are an armed group. */
static uint32_t group_entity(ent_state *st, size_t u0, size_t u1, int32_t g, const char *cc)
{
    sitrep_entity_kind kind = g == SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_FIGHTERS
                                  ? SITREP_ENTITY_ARMED_GROUP
                                  : SITREP_ENTITY_ORGANIZATION;
    uint32_t e = named_entity(st, u0, u1, kind, SITREP_FOUND_PATTERN);
    if (e != UINT32_MAX && !ent_at(st, e)->country[0])
        memcpy(ent_at(st, e)->country, cc, 3);
    return e;
}

/* The country a cand names: a country place, or a nationality (a
 * demonym the place step left without a place); "" when neither. */
static bool cand_country(const ent_state *st, const cand *c, char cc[3], bool *demonym)
{
    *demonym = false;
    if (c->hidden)
        return false;
    if (c->type == C_ENTITY) {
        const sr_entity *e = &SR_VEC_AT(&st->doc->entities, sr_entity, c->entity);
        if (e->e.kind != SITREP_ENTITY_PLACE || e->e.feature == NULL ||
            strcmp(e->e.feature, "country") != 0)
            return false;
        memcpy(cc, e->country, 3);
        return cc[0] != '\0';
    }
    if (c->type != 0 || c->key == 0 || c->u1 - c->u0 != 1 || st->gaz == NULL)
        return false;
    uint32_t ids[SR_MAX_CANDS];
    size_t n = sr_gaz_lookup(st->gaz, c->key, ids, SR_MAX_CANDS);
    for (size_t j = 0; j < n && j < SR_MAX_CANDS; j++) {
        sr_place p;
        sr_gaz_place(st->gaz, ids[j], &p);
        if (p.kind == SR_PLACE_DEMONYM) {
            memcpy(cc, p.country, 3);
            *demonym = true;
            return true;
        }
    }
    return false;
}

/* Is the country at [u0, u1) named as the place something happens in
 * ("in Syria", "travel to Turkey", "Mosul, Iraq")?  1 yes, 0 no, -1 when
 * it is coordinated with the name before it ("Iraq and Syria"), whose
 * reading it shares. */
static int governed_as_place(const ent_state *st, size_t u0, size_t u1, uint32_t place_end)
{
    /* a heading or caption of the country's name alone */
    if ((st->u[u0].flags & U_SENT) && (u1 >= st->nu || (st->u[u1].flags & U_SENT)))
        return 1;
    size_t b = u0;
    if (b > 0 && !(st->u[b].flags & U_PBREAK) && UNIT_IS(st, b - 1, ARTICLES))
        b--; /* "the United States" */
    if (b == 0 || (st->u[b].flags & U_SENT))
        return 0;
    if (st->u[b].flags & U_PBREAK) {
        /* "Palmyra, Syria": the country of the place before; ", Iraq" in a
         * list: the reading of the name before */
        uint32_t t = st->u[b].tok;
        if (t > 0 && token_text_is(st, t - 1, ","))
            return place_end == b ? 1 : -1;
        return 0;
    }
    size_t w = b - 1;
    if (w > 0 && (st->u[w].flags & U_LOWER) && UNIT_IS(st, w, COORDINATION_OPENERS) &&
        !(st->u[w].flags & U_BREAK))
        w--; /* "in both Iraq and Syria" */
    if (UNIT_IS(st, w, PLACE_GOVERNORS) || UNIT_IS(st, w, VISIT_VERBS) ||
        UNIT_IS(st, w, PLACE_ADJECTIVES))
        return 1;
    /* "a new Syria", "a pluralistic and democratic Syria": the country as a
     * state of affairs */
    for (size_t k = w; k + 4 > w && k < w + 1; k--) {
        if (!(st->u[k].flags & U_LOWER) || (k < w && (st->u[k + 1].flags & U_BREAK)))
            break;
        if (token_text_is(st, st->u[k].tok, "a") || token_text_is(st, st->u[k].tok, "an"))
            return 1;
        if (k == 0)
            break;
    }
    if (token_text_is(st, st->u[w].tok, "to") && w > 0 && !(st->u[w].flags & U_BREAK) &&
        UNIT_IS(st, w - 1, JOURNEY_WORDS))
        return 1;
    if (token_text_is(st, st->u[w].tok, "and") || token_text_is(st, st->u[w].tok, "or"))
        return -1;
    return 0;
}

/* A second reading of units [u0, u1) as entity e: a wrapper (it may
 * share its span with the place or hold it), flagged so the later stages
 * of the document read the words as the other mentions name them. */
static void add_reading(ent_state *st, size_t u0, size_t u1, uint32_t e)
{
    add_cand(st, u0, u1, C_ENTITY, e, 0);
    if (st->oom)
        return;
    cand *x = &SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1);
    x->wrapper = true;
    x->reading = true;
}

/* The country whose people a plural nationality names ("Syrians",
 * "Iraqis", "Afghans": a demonym of the gazetteer with an "s"), in cc;
 * false when unit i is none. */
static bool plural_demonym(const ent_state *st, size_t i, char cc[3])
{
    const unit *x = &st->u[i];
    size_t n = x->end - x->start;
    if (st->gaz == NULL || n < 5 || !(x->flags & (U_CAP | U_ALLCAPS)) || (x->flags & U_LOWER) ||
        (st->src[x->end - 1] | 0x20) != 's' || (i + 1 < st->nu && (st->u[i + 1].flags & U_HYPH)) ||
        (x->flags & U_HYPH))
        return false;
    uint64_t key = sr_namekey_of(st->src + x->start, n - 1);
    uint32_t ids[SR_MAX_CANDS];
    size_t k = key ? sr_gaz_lookup(st->gaz, key, ids, SR_MAX_CANDS) : 0;
    for (size_t j = 0; j < k && j < SR_MAX_CANDS; j++) {
        sr_place p;
        sr_gaz_place(st->gaz, ids[j], &p);
        if (p.kind == SR_PLACE_DEMONYM && p.country[0]) {
            memcpy(cc, p.country, 3);
            return true;
        }
    }
    return false;
}

/* Plural nationalities as the people of their country ("the Iraqis",
 * "Syrians": "People of Iraq"), the article with them, on words no other
 * mention holds. */
static void people_readings(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    const uint32_t *marked = (const uint32_t *)(const void *)st->marked.data;
    size_t nm = st->marked_ok ? SR_VEC_COUNT(&st->marked, uint32_t) : st->nu;
    for (size_t mi = 0; mi < nm && !st->oom; mi++) {
        size_t i = st->marked_ok ? marked[mi] : mi; /* a plural demonym is capitalised */
        char cc[3];
        if (!plural_demonym(st, i, cc))
            continue;
        bool taken = false;
        for (size_t k = 0; k < nc && !taken; k++) {
            const cand *c = &SR_VEC_AT(&st->cands, cand, k);
            taken = c->type == C_ENTITY && !c->hidden && c->u0 <= i && i < c->u1;
        }
        if (taken)
            continue;
        uint32_t e = state_actor(st, cc, SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_PEOPLE);
        if (e == UINT32_MAX)
            continue;
        size_t u0 = i;
        if (i > 0 && !(st->u[i].flags & U_PBREAK) && UNIT_IS(st, i - 1, ARTICLES))
            u0 = i - 1;
        add_reading(st, u0, i + 1, e);
        if (!st->oom) /* the alias is the nationality, not "the" */
            SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1).name_start = st->u[i].start;
    }
}

/* The demonym the gazetteer has for units [u0, u1) ("Syrian", "South
 * African"): its entry in *p; false when none. */
static bool demonym_at(const ent_state *st, size_t u0, size_t u1, sr_place *p)
{
    uint64_t key = span_key(st, u0, u1);
    uint32_t ids[SR_MAX_CANDS];
    size_t n = key ? sr_gaz_lookup(st->gaz, key, ids, SR_MAX_CANDS) : 0;
    for (size_t j = 0; j < n && j < SR_MAX_CANDS; j++) {
        sr_gaz_place(st->gaz, ids[j], p);
        if (p->kind == SR_PLACE_DEMONYM && p->country[0])
            return true;
    }
    return false;
}

/* Demonyms that no other mention holds ("the Syrian conflict", "Iraqi
 * unity", "a French frigate", "South African officials" when no actor
 * reads it) name a nationality (issue 13): an entity of its own, kind
 * nationality, linked to the country it names by its country code.  It is
 * no place (a toponym scorer and a map must not count "Syrian" as Syria)
 * and no actor: the mention is a second reading (SITREP_MENTION_READING),
 * so claims and events read the word through the gazetteer as before.  A
 * demonym inside another mention ("Iraqi forces", "Syrian Democratic
 * Forces", "the Syrian town of Dabiq") stays that mention's.  A people no
 * country's demonym names (entities.lex: peoples, "Kurdish", "Yazidi") is
 * a nationality of no country, and before a group noun a group of its own
 * ("Kurdish fighters", "the Yazidi community"), as "Iraqi officials" is
 * the state's (actor_readings). */
static void nationality_readings(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    uint8_t *held = st->doc->mem->calloc(st->nu ? st->nu : 1, 1);
    if (held == NULL) {
        st->oom = true;
        return;
    }
    for (size_t k = 0; k < nc; k++) {
        const cand *c = &SR_VEC_AT(&st->cands, cand, k);
        if (c->type == C_ENTITY && !c->hidden)
            for (size_t i = c->u0; i < c->u1 && i < st->nu; i++)
                held[i] = 1;
    }
    /* the units that can open a name, in order; `next` the first not
     * inside a reading taken */
    const uint32_t *marked = (const uint32_t *)(const void *)st->marked.data;
    size_t nm = st->marked_ok ? SR_VEC_COUNT(&st->marked, uint32_t) : st->nu, next = 0;
    for (size_t mi = 0; mi < nm && !st->oom; mi++) {
        size_t i = st->marked_ok ? marked[mi] : mi;
        if (i < next)
            continue;
        if (held[i] || !(st->u[i].flags & (U_CAP | U_ALLCAPS)) || (st->u[i].flags & (U_NUM | U_POSS)))
            continue;
        /* the longest demonym of free capitalised units from here */
        size_t end = 0;
        sr_place p;
        for (size_t n = 3; n >= 1 && !end; n--) {
            if (i + n > st->nu)
                continue;
            bool free = true;
            for (size_t k = i + 1; k < i + n && free; k++)
                free = !held[k] && !(st->u[k].flags & U_BREAK) && (st->u[k].flags & (U_CAP | U_ALLCAPS));
            if (free && demonym_at(st, i, i + n, &p))
                end = i + n;
        }
        int32_t people = 0;
        if (!end && (people = sr_lex_value(ulex(st, i), SR_LEX_ENTITIES_PEOPLES,
                                           SR_LEXCOL_ENTITIES_PEOPLES_PEOPLE)) > 0)
            end = i + 1;
        /* "the Syrian Arab Coalition", "the Iraqi Museum": a demonym that
         * opens a longer run of capitalised words is part of a name */
        if (!end || (end < st->nu && !(st->u[end].flags & (U_BREAK | U_FUNC | U_CONNECT)) &&
                     (st->u[end].flags & (U_CAP | U_ALLCAPS))))
            continue;
        uint32_t e;
        if (people > 0) {
            int32_t g = 0;
            size_t gend = group_after(st, end, &g);
            if (gend) {
                bool armed = g == SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_FIGHTERS ||
                             g == SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_MILITARY;
                e = named_entity(st, i, gend, armed ? SITREP_ENTITY_ARMED_GROUP : SITREP_ENTITY_ORGANIZATION,
                                 SITREP_FOUND_PATTERN);
                if (e != UINT32_MAX)
                    add_reading(st, i, gend, e);
                next = gend;
                continue;
            }
            const char *name = sr_lexe_ENTITIES_PEOPLES_PEOPLE_names[people];
            e = entity_for(st, (7ull << 60) | (uint64_t)people, SITREP_ENTITY_NATIONALITY, name,
                           strlen(name), false);
            if (e == UINT32_MAX)
                break;
            ent_at(st, e)->e.source |= SITREP_FOUND_PATTERN;
        } else {
            uint64_t id = (6ull << 60) | ((uint64_t)(unsigned char)p.country[0] << 8) |
                          (uint64_t)(unsigned char)p.country[1];
            e = entity_for(st, id, SITREP_ENTITY_NATIONALITY, p.name, strlen(p.name), false);
            if (e == UINT32_MAX)
                break;
            sr_entity *x = ent_at(st, e);
            if (!x->country[0]) {
                memcpy(x->country, p.country, 3);
                x->e.source |= SITREP_FOUND_GAZETTEER;
            }
        }
        add_cand(st, i, end, C_ENTITY, e, 0);
        if (!st->oom)
            SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1).reading = true;
        next = end;
    }
    st->doc->mem->free(held);
}

/* "northern Syria", "the city of Mosul", "the Syrian town of Dabiq",
 * "the port city of Tartus" (issue 13): the words that say which part of a
 * place, or what kind of place it is, belong to the place's mention; its
 * name stays the place's own.  Words of direction (place_adjectives) right
 * before the name; "city of" and its kin (place_kind_of) with the
 * modifiers before them (a direction, a word of place_kind_modifiers or,
 * after "the", one capitalised word such as a nationality) and the
 * article. */
static void place_modifiers(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t i = 0; i < nc; i++) {
        cand *a = &SR_VEC_AT(&st->cands, cand, i);
        if (a->type != C_ENTITY || a->hidden || a->reading || a->u0 == 0)
            continue;
        if (ent_at(st, a->entity)->e.kind != SITREP_ENTITY_PLACE)
            continue;
        /* "Idlib province": the kind of region after the name, where no
         * noun follows it ("Syria state media") */
        size_t n = a->u1;
        if (n < st->nu && !(st->u[n].flags & U_BREAK) && (st->u[n].flags & U_LOWER) &&
            UNIT_IS(st, n, ADMIN_WORDS) &&
            (n + 1 >= st->nu || (st->u[n + 1].flags & (U_BREAK | U_CAP)) ||
             ((st->u[n + 1].flags & (U_FUNC | U_CONNECT)) && !token_text_is(st, st->u[n + 1].tok, "of")))) {
            a->u1++;
            a->end = st->u[a->u1 - 1].end;
            a->wrapper = true;
        }
        size_t k = a->u0;
        if (st->u[k].flags & U_PBREAK)
            continue;
        size_t s = k;
        if (!(st->u[k - 1].flags & U_ALLCAPS) && UNIT_IS(st, k - 1, PLACE_ADJECTIVES)) {
            s = k - 1;
        } else if (k >= 2 && !(st->u[k - 1].flags & U_PBREAK) &&
                   unit_phrase(st, k - 2, SR_LEX_ENTITIES_PLACE_KIND_OF) == 2) {
            s = k - 2;
            /* one modifier: "port", "northwest", "Syrian" */
            if (s > 0 && !(st->u[s].flags & U_PBREAK)) {
                const unit *m = &st->u[s - 1];
                if (((m->flags & U_LOWER) && (UNIT_IS(st, s - 1, PLACE_ADJECTIVES) ||
                                              UNIT_IS(st, s - 1, PLACE_KIND_MODIFIERS))) ||
                    ((m->flags & U_CAP) && !(m->flags & (U_FUNC | U_POSS | U_ALLCAPS)) && s >= 2 &&
                     !(st->u[s - 1].flags & U_PBREAK) && (st->u[s - 2].flags & U_LOWER) &&
                     token_text_is(st, st->u[s - 2].tok, "the")))
                    s--; /* a capitalised word only as "the Iraqi city of" */
            }
            if (s > 0 && !(st->u[s].flags & U_PBREAK) && (st->u[s - 1].flags & U_LOWER) &&
                token_text_is(st, st->u[s - 1].tok, "the"))
                s--;
        }
        if (s == k)
            continue;
        a->start = st->u[s].start; /* name_start stays on the name */
        a->u0 = (uint32_t)s;
        a->wrapper = true;
    }
}

/* "Palmyra, Syria", "Fort Campbell, Kentucky", "Anbar, Iraq" (issue 13): a
 * place followed by a comma and the country or first-level region it lies
 * in is named as one place; the mention spans both, its name is the first
 * place alone (what claims and events read), and the region keeps its own
 * mention inside it.  A country or region before the comma starts a list
 * ("Syria, Iraq and Turkey", "Texas, Ohio"), never a place in the next. */
static bool region_feature(const sr_entity *e, bool country_only)
{
    if (e->e.kind != SITREP_ENTITY_PLACE || e->e.feature == NULL)
        return false;
    if (strcmp(e->e.feature, "country") == 0)
        return true;
    return !country_only && strcmp(e->e.feature, "ADM1") == 0;
}

static void place_in_region(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t i = 0; i + 1 < nc && !st->oom; i++) {
        cand *a = &SR_VEC_AT(&st->cands, cand, i);
        if (a->type != C_ENTITY || a->hidden || a->reading)
            continue;
        const sr_entity *ea = ent_at(st, a->entity);
        if (ea->e.kind != SITREP_ENTITY_PLACE)
            continue;
        bool a_country = ea->e.feature && strcmp(ea->e.feature, "country") == 0;
        bool a_adm1 = ea->e.feature && strcmp(ea->e.feature, "ADM1") == 0;
        if (a_country)
            continue;
        /* the next shown mention, the region's own */
        size_t j = i + 1;
        while (j < nc && (SR_VEC_AT(&st->cands, cand, j).hidden ||
                          SR_VEC_AT(&st->cands, cand, j).type != C_ENTITY ||
                          SR_VEC_AT(&st->cands, cand, j).reading))
            j++;
        if (j == nc)
            continue;
        const cand *b = &SR_VEC_AT(&st->cands, cand, j);
        if (b->u0 != a->u1 || (st->u[b->u0].flags & U_SENT))
            continue;
        const sr_entity *eb = ent_at(st, b->entity);
        if (!region_feature(eb, a_adm1))
            continue;
        if (ea->country[0] && memcmp(ea->country, eb->country, 2) != 0)
            continue;
        /* the comma and one space between them, nothing else */
        const char *gap = st->src + a->end;
        size_t glen = b->start - a->end;
        if (!(glen == 2 && gap[0] == ',' && gap[1] == ' '))
            continue;
        a->end = b->end; /* name_start, name_end stay on the first place */
        a->u1 = b->u1;
        a->wrapper = true;
        i = j;
    }
}

/* Second readings of names (issue 13): a country that acts ("Turkey
 * said", "working with Jordan", "a U.S. strike") is also its government,
 * one mention on the same span; a group after a country, a nationality
 * or a known actor is an actor of its own spanning both ("U.S. forces",
 * "the Iraqi government", "ISIL fighters"), with the place named inside
 * it kept as a mention of its own. */
static void actor_readings(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    int last_place = 0;   /* the reading of the last country: 1 a place */
    uint32_t last_end = 0; /* the unit after it */
    uint32_t place_end = 0; /* the unit after the last place other than a country */
    for (size_t i = 0; i < nc && !st->oom; i++) {
        cand c = SR_VEC_AT(&st->cands, cand, i);
        if (c.hidden)
            continue;
        char cc[3];
        bool demonym = false;
        int32_t g = 0;
        /* "the Assad regime", "the Obama administration": a person's name,
         * or an unknown name, before a word of government names the
         * government the person leads, one mention spanning both (the
         * person's own mention stays inside it) */
        if ((c.type == C_SINGLE ||
             (c.type == C_ENTITY && ent_at(st, c.entity)->e.kind == SITREP_ENTITY_PERSON)) &&
            !(st->u[c.u0].flags & U_SENT)) {
            size_t end = group_after(st, c.u1, &g);
            if (end == c.u1 + 1 && g == SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_GOVERNMENT &&
                UNIT_IS(st, c.u1, GOVERNMENT_HEADS)) {
                uint32_t e = named_entity(st, c.u0, end, SITREP_ENTITY_GOVERNMENT,
                                          SITREP_FOUND_PATTERN);
                if (e != UINT32_MAX) {
                    if (c.type == C_SINGLE) {
                        cand *x = &SR_VEC_AT(&st->cands, cand, i);
                        x->type = C_ENTITY;
                        x->entity = e;
                        x->u1 = (uint32_t)end;
                        x->end = st->u[end - 1].end;
                    } else {
                        add_cand(st, c.u0, end, C_ENTITY, e, 0);
                        if (!st->oom)
                            SR_VEC_AT(&st->cands, cand, SR_VEC_COUNT(&st->cands, cand) - 1).wrapper =
                                true;
                    }
                }
            }
            continue;
        }
        if (c.type == C_ENTITY) {
            const sr_entity *e = ent_at(st, c.entity);
            if (e->e.kind != SITREP_ENTITY_PLACE && e->e.kind != SITREP_ENTITY_PERSON) {
                /* "ISIL fighters": the group's mention takes its people in */
                /* "ISIL fighters", "Coalition partners", "UN officials":
                 * the organisation's mention takes its people in */
                size_t end = group_after(st, c.u1, &g);
                if (end && !(st->u[c.u1 - 1].flags & U_POSS)) {
                    cand *x = &SR_VEC_AT(&st->cands, cand, i);
                    x->u1 = (uint32_t)end;
                    x->end = st->u[end - 1].end;
                }
                continue;
            }
        }
        if (!cand_country(st, &c, cc, &demonym)) {
            if (c.type == C_ENTITY && ent_at(st, c.entity)->e.kind == SITREP_ENTITY_PLACE)
                place_end = c.u1;
            continue;
        }
        /* "U.S. forces", "Iraqi officials" */
        size_t end = group_after(st, c.u1, &g);
        if (end) {
            uint64_t key = span_key(st, c.u0, end);
            int32_t a = key ? kb_lookup(st, key, c.u0, end) : -1;
            uint32_t e = a >= 0 ? actor_entity(st, a) : state_actor(st, cc, g);
            if (e == UINT32_MAX)
                e = group_entity(st, c.u0, end, g, cc);
            if (e != UINT32_MAX) {
                add_reading(st, c.u0, end, e);
            }
            last_place = 0;
            last_end = c.u1;
            continue;
        }
        if (demonym)
            continue;
        /* "the government of Iraq", "the people of Syria" */
        if (c.u0 >= 2 && token_text_is(st, st->u[c.u0 - 1].tok, "of") &&
            (st->u[c.u0 - 2].flags & U_LOWER) && UNIT_IS(st, c.u0 - 2, GROUP_NOUNS) &&
            !(st->u[c.u0 - 1].flags & U_BREAK) && !(st->u[c.u0].flags & U_BREAK)) {
            sr_lexid id = ulex(st, c.u0 - 2);
            g = sr_lex_value(id, SR_LEX_ENTITIES_GROUP_NOUNS, SR_LEXCOL_ENTITIES_GROUP_NOUNS_ACTOR);
            uint32_t e = state_actor(st, cc, g);
            if (e != UINT32_MAX) {
                add_reading(st, c.u0 - 2, c.u1, e);
            }
            last_place = 1;
            last_end = c.u1;
            continue;
        }
        int r = governed_as_place(st, c.u0, c.u1, place_end);
        if (r < 0)
            r = last_end && last_end + 2 >= c.u0 ? last_place : 0;
        last_place = r;
        last_end = c.u1;
        if (r)
            continue;
        uint32_t e = state_actor(st, cc, SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_GOVERNMENT);
        if (e == UINT32_MAX)
            continue;
        add_reading(st, c.u0, c.u1, e);
        if (!st->oom)
            SR_VEC_AT(&st->cands, cand, i).wrapper = true;
    }
}

/* ---- assembling ---- */

/* "the Assad regime", "Assad's regime", "the Obama administration": an
 * unknown name right before a word of government (government_heads) is
 * the leader's, a person whose name the other mentions of the word share
 * (link_surnames); actor_readings adds the government around it. */
static void leader_names(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    for (size_t i = 0; i < nc && !st->oom; i++) {
        cand *c = &SR_VEC_AT(&st->cands, cand, i);
        if (c->type != C_SINGLE || c->u1 - c->u0 != 1 || (st->u[c->u0].flags & (U_SENT | U_ALLCAPS)))
            continue;
        int32_t g = 0;
        size_t end = group_after(st, c->u1, &g);
        if (!end || g != SR_LEXE_ENTITIES_GROUP_NOUNS_ACTOR_GOVERNMENT ||
            !UNIT_IS(st, end - 1, GOVERNMENT_HEADS))
            continue;
        uint32_t e = person_entity(st, c->u0, c->u1);
        if (e == UINT32_MAX)
            continue;
        c = &SR_VEC_AT(&st->cands, cand, i);
        c->type = C_ENTITY;
        c->entity = e;
        if (st->u[c->u0].flags & U_POSS)
            c->end = st->u[c->u0].end; /* the name without its "'s" */
    }
}

/* A person's surname and entity, for link_surnames. */
typedef struct surname {
    uint64_t key;
    uint32_t entity;
} surname;

static void link_surnames(ent_state *st)
{
    /* the people's surnames in the order of their entities, read once
     * (not every entity at every name) */
    sr_buf people;
    sr_buf_init(&people, st->doc->mem);
    for (uint32_t e = 0; e < ent_count(st); e++) {
        const sr_entity *x = ent_at(st, e);
        if (x->e.kind == SITREP_ENTITY_PERSON && !SR_VEC_PUSH(&people, surname, ((surname){x->surname, e}))) {
            st->oom = true;
            break;
        }
    }
    size_t np = SR_VEC_COUNT(&people, surname);
    const surname *sn = (const surname *)(const void *)people.data;
    size_t nc = np && !st->oom ? SR_VEC_COUNT(&st->cands, cand) : 0;
    for (size_t i = 0; i < nc; i++) {
        cand *c = &SR_VEC_AT(&st->cands, cand, i);
        if ((c->type != C_SINGLE && c->type != C_PLACE) || c->u1 - c->u0 > 2)
            continue;
        size_t k0 = first_content(st, c->u0, c->u1);
        if (c->u1 - k0 != 1)
            continue;
        uint64_t k = span_key(st, k0, c->u1);
        for (size_t j = 0; j < np; j++) {
            uint32_t e = sn[j].entity;
            if (sn[j].key == k) {
                if (c->type == C_PLACE && !soft_place(st, &(seg){c->u0, c->u1, S_PLACE, -1, c->key}))
                    break;
                c->type = C_ENTITY;
                c->entity = e;
                size_t r0, r1;
                if (appositive_role(st, c->u1, &r0, &r1))
                    set_role(st, e, r0, r1, 3);
                break;
            }
        }
    }
    sr_buf_free(&people);
}

/* "the Coalition", "the Ministry said": the head word of an organisation
 * alone, capitalised after "the" or inside a sentence, names an
 * organisation: one the document named with that word in its name ("the
 * Global Coalition to Defeat ISIS"), else one of that name. */
static void head_names(ent_state *st)
{
    size_t nc = SR_VEC_COUNT(&st->cands, cand);
    /* a second pass for the words opening a sentence, which only name an
     * organisation the document names elsewhere */
    for (size_t i = 0, pass = 0; pass < 2 && !st->oom; i = i + 1 < nc ? i + 1 : (pass++, 0)) {
        if (nc == 0)
            break;
        cand *c = &SR_VEC_AT(&st->cands, cand, i);
        if (c->type != C_SINGLE || c->u1 - c->u0 != 1 || !is_org_head(st, c->u0) ||
            (st->u[c->u0].flags & U_ALLCAPS))
            continue;
        size_t u = c->u0;
        bool the = u > 0 && !(st->u[u].flags & U_PBREAK) && UNIT_IS(st, u - 1, ARTICLES);
        int32_t g = 0;
        size_t end = group_after(st, c->u1, &g);
        /* opening a sentence, with its people after it and named so
         * elsewhere: "Coalition forces said" */
        bool opening = !the && (st->u[u].flags & U_SENT);
        if (opening && (!end || pass == 0))
            continue;
        if (!opening && pass == 1)
            continue;
        /* alone: no other capitalised word of a name next to it ("the
         * Foreign Office Minister", "3rd Battalion") */
        if ((u > 0 && !the && !(st->u[u].flags & U_PBREAK) &&
             (st->u[u - 1].flags & (U_CAP | U_NUM | U_ALLCAPS))) ||
            (u + 1 < st->nu && !(st->u[u + 1].flags & U_PBREAK) &&
             (st->u[u + 1].flags & (U_CAP | U_ALLCAPS | U_NUM))))
            continue;
        const char *w = st->src + st->u[u].start;
        size_t wl = st->u[u].end - st->u[u].start;
        uint32_t found = UINT32_MAX;
        for (uint32_t e = 0; e < ent_count(st) && found == UINT32_MAX; e++) {
            const sr_entity *x = ent_at(st, e);
            if (x->e.kind == SITREP_ENTITY_PERSON || x->e.kind == SITREP_ENTITY_PLACE || !x->e.name)
                continue;
            /* the head as a whole word of the name */
            size_t nl = strlen(x->e.name);
            for (const char *h = x->e.name; nl > wl && (h = strstr(h, " ")) != NULL;) {
                h++;
                if (strncmp(h, w, wl) == 0 && (h[wl] == ' ' || h[wl] == '\0')) {
                    found = e;
                    break;
                }
            }
            if (nl > wl && strncmp(x->e.name, w, wl) == 0 && x->e.name[wl] == ' ')
                found = e;
            if (opening && nl == wl && strncmp(x->e.name, w, wl) == 0)
                found = e;
        }
        if (opening && found == UINT32_MAX)
            continue;
        /* "The Army said" opening a text: which army, nothing says */
        if (found == UINT32_MAX && the && u == 1)
            continue;
        if (found == UINT32_MAX)
            found = named_entity(st, u, u + 1, org_kind(st, u, u), SITREP_FOUND_PATTERN);
        if (found == UINT32_MAX)
            return;
        c->type = C_ENTITY;
        c->entity = found;
        /* "Coalition forces", "the Alliance's troops": its people too */
        if (end && !(st->u[u].flags & U_POSS)) {
            c->u1 = (uint32_t)end;
            c->end = st->u[end - 1].end;
        }
    }
}

static void add_bylines(ent_state *st)
{
    sitrep_doc *doc = st->doc;
    for (size_t i = 0; i < doc->nbyline; i++) {
        const char *name = doc->byline[i];
        size_t n = strlen(name);
        if (n == 0 || n > doc->len)
            continue;
        const char *at = NULL;
        for (size_t off = 0; off + n <= doc->len; off++)
            if (doc->src[off] == name[0] && memcmp(doc->src + off, name, n) == 0) {
                at = doc->src + off;
                break;
            }
        if (at == NULL)
            continue;
        uint64_t key = sr_namekey_of(name, n);
        uint32_t e = entity_for(st, (3ull << 60) ^ (key & ((1ull << 60) - 1)) ^
                                        (uint64_t)SITREP_ENTITY_PERSON << 56,
                                SITREP_ENTITY_PERSON, name, n, true);
        if (e == UINT32_MAX)
            return;
        sr_entity *x = ent_at(st, e);
        x->e.source |= SITREP_FOUND_PATTERN;
        if (x->e.role == NULL)
            x->e.role = "author";
        sitrep_mention m = {{(uint32_t)(at - doc->src), (uint32_t)(at - doc->src + n)}, e, {0, 0}, 0};
        if (!SR_VEC_PUSH(&doc->mentions, sitrep_mention, m))
            st->oom = true;
    }
}

static int cmp_mention(const void *a, const void *b)
{
    const sitrep_mention *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return x->span.end < y->span.end ? -1 : x->span.end > y->span.end;
}

static int cmp_span(const void *a, const void *b)
{
    const sitrep_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

/* Mentions in input order: by start, a longer one (the one holding
 * others) first; of two on one span the place last (the reading the later
 * stages see on its words, context.c), then by entity. */
typedef struct ranked_mention {
    sitrep_mention m;
    bool place;
} ranked_mention;

static int cmp_mention_nested(const void *a, const void *b)
{
    const ranked_mention *rx = a, *ry = b;
    const sitrep_mention *x = &rx->m, *y = &ry->m;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    if (x->span.end != y->span.end)
        return x->span.end > y->span.end ? -1 : 1;
    if (rx->place != ry->place)
        return rx->place ? 1 : -1;
    return x->entity < y->entity ? -1 : x->entity > y->entity;
}

/* qsort(base, n, size, cmp) for the mentions, which arrive almost in
 * order (read in text order; a few added after): a stable insertion sort,
 * so the order is the one a stable sort gives (glibc's qsort is a merge
 * sort), found in about n comparisons.  An element out of order goes
 * after the last of the sorted ones not greater than it, found by halving
 * (the readings added at the end belong far back).  A long array goes to
 * qsort. */
static void sort_mentions(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    unsigned char tmp[64];
    if (n > 256 || size > sizeof tmp) {
        qsort(base, n, size, cmp);
        return;
    }
    unsigned char *a = base;
    for (size_t i = 1; i < n; i++) {
        if (cmp(a + (i - 1) * size, a + i * size) <= 0)
            continue;
        memcpy(tmp, a + i * size, size);
        /* the first of a[0, i - 1] greater than tmp (a[i - 1] is) */
        size_t lo = 0, hi = i - 1;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cmp(a + mid * size, tmp) > 0)
                hi = mid;
            else
                lo = mid + 1;
        }
        size_t j = lo;
        memmove(a + (j + 1) * size, a + j * size, (i - j) * size);
        memcpy(a + j * size, tmp, size);
    }
}

static bool is_wrapper(const ent_state *st, sitrep_span sp)
{
    size_t n = SR_VEC_COUNT(&st->wraps, sitrep_span);
    return n && bsearch(&sp, st->wraps.data, n, sizeof sp, cmp_span) != NULL;
}

/* Keeps the entities that have mentions, renumbered in order of first
 * mention. */
static void finish(ent_state *st)
{
    sitrep_doc *doc = st->doc;
    size_t nm = SR_VEC_COUNT(&doc->mentions, sitrep_mention);
    sitrep_mention *m = (sitrep_mention *)(void *)doc->mentions.data;
    size_t nw = SR_VEC_COUNT(&st->wraps, sitrep_span);
    if (nw == 0) {
        if (nm > 1)
            sort_mentions(m, nm, sizeof *m, cmp_mention);
        /* drop exact duplicates and overlaps (a later, contained span loses) */
        size_t w = 0;
        for (size_t i = 0; i < nm; i++) {
            if (w && m[i].span.start < m[w - 1].span.end)
                continue;
            m[w++] = m[i];
        }
        nm = w;
    } else {
        /* a wrapper keeps the mentions inside it and another entity's
         * mention of the same span; other overlaps are dropped as above */
        if (nw > 1)
            sort_mentions(st->wraps.data, nw, sizeof(sitrep_span), cmp_span);
        ranked_mention *rm = doc->mem->calloc(nm ? nm : 1, sizeof *rm);
        if (rm == NULL) {
            st->oom = true;
            return;
        }
        for (size_t i = 0; i < nm; i++)
            rm[i] = (ranked_mention){m[i], ent_at(st, m[i].entity)->e.kind == SITREP_ENTITY_PLACE};
        if (nm > 1)
            sort_mentions(rm, nm, sizeof *rm, cmp_mention_nested);
        for (size_t i = 0; i < nm; i++)
            m[i] = rm[i].m;
        doc->mem->free(rm);
        size_t w = 0, top = SIZE_MAX; /* the last kept mention not inside another */
        bool top_wraps = false;
        for (size_t i = 0; i < nm; i++) {
            if (top != SIZE_MAX && m[i].span.start < m[top].span.end) {
                bool inside = m[i].span.end <= m[top].span.end;
                bool same = m[i].span.start == m[top].span.start && m[i].span.end == m[top].span.end;
                bool dup = false;
                for (size_t k = top; k < w && !dup; k++)
                    dup = m[k].entity == m[i].entity &&
                          (same || (m[k].span.start == m[i].span.start && m[k].span.end == m[i].span.end) ||
                           (m[i].span.start < m[k].span.end && m[k].span.start < m[i].span.end &&
                            k > top));
                if (dup || !inside || !(top_wraps || (same && is_wrapper(st, m[i].span))))
                    continue;
                m[w++] = m[i];
                continue;
            }
            top = w;
            top_wraps = is_wrapper(st, m[i].span);
            m[w++] = m[i];
        }
        nm = w;
        /* a wrapper comes before the mentions inside it: the later stages,
         * which mark each word with the last mention covering it, read
         * "U.S. Army" in "U.S. Army Gen. Joseph Votel" as before */
    }
    doc->mentions.len = nm * sizeof *m;
    size_t ne = ent_count(st);
    uint32_t *map = doc->mem->calloc(ne ? ne : 1, sizeof *map);
    if (map == NULL) {
        st->oom = true;
        return;
    }
    for (size_t i = 0; i < ne; i++)
        map[i] = UINT32_MAX;
    uint32_t next = 0;
    sr_entity *es = (sr_entity *)(void *)doc->entities.data;
    for (size_t i = 0; i < nm; i++) {
        uint32_t e = m[i].entity;
        if (map[e] == UINT32_MAX) {
            map[e] = next++;
            es[e].mentions = 0;
        }
        es[e].mentions++;
        m[i].entity = map[e];
    }
    /* permute in place through a copy */
    sr_entity *copy = doc->mem->realloc(NULL, (next ? next : 1) * sizeof *copy); /* each set below */
    if (copy == NULL) {
        doc->mem->free(map);
        st->oom = true;
        return;
    }
    for (size_t i = 0; i < ne; i++)
        if (map[i] != UINT32_MAX)
            copy[map[i]] = es[i];
    if (next)
        memcpy(es, copy, next * sizeof *copy);
    doc->entities.len = next * sizeof *copy;
    /* entities no longer move: point at their own storage */
    for (uint32_t i = 0; i < next; i++)
        es[i].e.country = es[i].country[0] ? es[i].country : NULL;
    doc->mem->free(copy);
    doc->mem->free(map);
}

sitrep_status sr_entities(sitrep_doc *doc)
{
    ent_state st;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    st.src = doc->src;
    st.gaz = sr_gazetteer_get();
    st.lim = (place_limits){SR_LEXK_ENTITIES_PLACE_LIMITS_SMALL_NAMESAKE,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_UNPLACED_NAMESAKE,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_COMMON_WORD_TOWN,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_LARGE_CITY,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_PART_OF_CITY_KM,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_NEAR_KM,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_NEARBY_KM,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_DISTANCE_PERCENT,
                            SR_LEXK_ENTITIES_PLACE_LIMITS_DISTANCE_MARGIN_KM};
    st.near_c2 = chord2_of_km(st.lim.near_km);
    st.nearby_c2 = chord2_of_km(st.lim.nearby_km);
    st.band = sqrt((st.near_c2 > st.nearby_c2 ? st.near_c2 : st.nearby_c2) * (1 + 1e-6)) + 1e-9;
    sr_buf_init(&st.units, doc->mem);
    sr_buf_init(&st.marked, doc->mem);
    st.marked_ok = true;
    sr_buf_init(&st.norm, doc->mem);
    sr_buf_init(&st.ids, doc->mem);
    sr_buf_init(&st.id_slots, doc->mem);
    sr_buf_init(&st.wraps, doc->mem);
    sr_buf_init(&st.memo, doc->mem);
    sr_buf_init(&st.cands, doc->mem);
    sr_buf_init(&st.learned, doc->mem);
    sr_buf_init(&st.anchors, doc->mem);
    sr_buf_init(&st.first, doc->mem);
    sr_buf_init(&st.refs, doc->mem);
    sr_buf_init(&st.own_town, doc->mem);
    sr_buf_init(&st.pick_words, doc->mem);
    sr_buf_init(&st.looks, doc->mem);
    sr_buf_init(&st.look_places, doc->mem);
    /* Photo captions are not article text, but the places and people
     * they name are the article's: read them after the body. */
    sr_buf_init(&st.extra, doc->mem);
    st.tok = sitrep_doc_tokens(doc, &st.ntok);
    if (doc->wordinfo.data && doc->wordinfo.len == st.ntok * sizeof(sr_wordinfo)) {
        st.wi = (const sr_wordinfo *)(const void *)doc->wordinfo.data;
        st.nwi = st.ntok;
    }

    bool captions = false;
    for (size_t i = 0; i < SR_VEC_COUNT(&doc->lines, sr_line) && !captions; i++)
        captions = SR_VEC_AT(&doc->lines, sr_line, i).drop == SITREP_DROP_CAPTION;
    if (!captions) {
        /* the common case: the body's tokens as they are */
    } else if (sr_buf_put(&st.extra, st.tok, st.ntok * sizeof *st.tok) &&
               sr_tokenize_dropped(doc, SITREP_DROP_CAPTION, &st.extra) == SITREP_OK) {
        if (SR_VEC_COUNT(&st.extra, sitrep_token) > st.ntok) {
            st.tok = (const sitrep_token *)(const void *)st.extra.data;
            size_t body = st.ntok;
            st.ntok = SR_VEC_COUNT(&st.extra, sitrep_token);
            ((sitrep_token *)(void *)st.extra.data)[body].flags |= SITREP_TOKF_SENT_START;
        }
    } else {
        st.oom = true;
    }
    build_units(&st);
    /* the units that can open a name (MARKED), in order: the others open
     * no chunk, and `next` is the first unit after the last chunk read */
    const uint32_t *marked = (const uint32_t *)(const void *)st.marked.data;
    size_t nmarked = st.marked_ok ? SR_VEC_COUNT(&st.marked, uint32_t) : st.nu, next = 0;
    for (size_t mi = 0; mi < nmarked && !st.oom; mi++) {
        size_t i = st.marked_ok ? marked[mi] : mi;
        if (i < next)
            continue;
        const unit *x = &st.u[i];
        bool starts = (x->flags & (U_CAP | U_ALLCAPS)) ||
                      (joining_particle(&st, i) && i + 1 < st.nu && chunk_continues(&st, i + 1));
        size_t c1 = i + 1;
        if (!starts) {
            next = c1;
            continue;
        }
        while (c1 < st.nu && chunk_continues(&st, c1))
            c1++;
        /* "The", "But", "In" opening a sentence: nothing is named by one
         * function word alone */
        if (c1 == i + 1 && (x->flags & U_FUNC)) {
            next = c1;
            continue;
        }
        /* "Officials said", "Turkey said": a common word opening a sentence
         * is a name only as a known actor or a country, or as the surname
         * of a person the text names in full ("Price said" after "Ned
         * Price"); no unknown person, title or place can be one word of
         * the dictionary */
        if (c1 == i + 1 && (x->flags & U_SENT) && !(x->flags & U_ALLCAPS) &&
            is_common_word(&st, i)) {
            sr_namekey k;
            sr_namekey_init(&k);
            key_add(&st, &k, i);
            uint64_t key = sr_namekey_value(&k);
            int32_t a = key ? kb_lookup(&st, key, i, c1) : -1;
            if (a >= 0)
                add_cand(&st, i, c1, C_ENTITY, actor_entity(&st, a), key);
            else if (gaz_has(&st, key, i, c1))
                add_cand(&st, i, c1, C_PLACE, 0, key);
            else /* "Coalition forces said" (head_names), "Price said" when
                  * the text named Ned Price (link_surnames) */
                add_cand(&st, i, c1, C_SINGLE, 0, key);
            next = c1;
            continue;
        }
        read_chunk(&st, i, c1);
        known_as(&st, i, c1);
        next = c1;
    }
    if (!st.oom && st.gaz) {
        leader_names(&st);
        link_surnames(&st);
        head_names(&st);
        collect_context(&st);
        settle_shared_names(&st);
        first_reading(&st);
        size_t nc = SR_VEC_COUNT(&st.cands, cand);
        /* the places the gazetteer knows first: a name only the context
         * makes a place goes where they are */
        for (size_t i = 0; i < nc; i++) {
            cand *c = &SR_VEC_AT(&st.cands, cand, i);
            if (c->type == C_PLACE)
                resolve_place(&st, c);
        }
        for (size_t i = 0; i < nc; i++) {
            cand *c = &SR_VEC_AT(&st.cands, cand, i);
            if (c->type == C_CTXPLACE)
                resolve_context_place(&st, c);
        }
        listed_places(&st);
        actor_readings(&st);
        people_readings(&st);
        place_in_region(&st);
        place_modifiers(&st);
        nationality_readings(&st);
    }
    size_t nc = SR_VEC_COUNT(&st.cands, cand);
    for (size_t i = 0; i < nc && !st.oom; i++) {
        const cand *c = &SR_VEC_AT(&st.cands, cand, i);
        if (c->type != C_ENTITY || c->hidden)
            continue;
        sitrep_mention m = {{c->start, c->end}, c->entity, {0, 0}, c->reading ? SITREP_MENTION_READING : 0};
        if (c->name_start != c->start || c->name_end != c->end)
            m.name = (sitrep_span){c->name_start, c->name_end};
        if (!SR_VEC_PUSH(&doc->mentions, sitrep_mention, m))
            st.oom = true;
        if (c->wrapper && !SR_VEC_PUSH(&st.wraps, sitrep_span, m.span))
            st.oom = true;
    }
    if (!st.oom)
        add_bylines(&st);
    if (!st.oom)
        finish(&st);
    sr_buf_free(&st.extra);
    sr_buf_free(&st.units);
    sr_buf_free(&st.marked);
    sr_buf_free(&st.norm);
    sr_buf_free(&st.ids);
    sr_buf_free(&st.id_slots);
    sr_buf_free(&st.wraps);
    sr_buf_free(&st.memo);
    sr_buf_free(&st.cands);
    sr_buf_free(&st.learned);
    sr_buf_free(&st.anchors);
    sr_buf_free(&st.first);
    sr_buf_free(&st.refs);
    sr_buf_free(&st.own_town);
    sr_buf_free(&st.pick_words);
    sr_buf_free(&st.looks);
    sr_buf_free(&st.look_places);
    return st.oom ? SITREP_ENOMEM : SITREP_OK;
}
