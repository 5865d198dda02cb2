/*
 * mkgaz.c -- build-time generator: compiles the gazetteer blob.
 *
 *   mkgaz [--atlas COUNTRIES-110M.json] [--continents CONTINENTS.tsv]
 *         [--cldr CLDR_SUBDIVISIONS_EN.xml] OUT.bin GEONAMES.txt ISO_3166-1.json
 *         ISO_3166-2.json COUNTRY_ALIASES.tsv DEMONYMS.tsv FACILITIES.tsv
 *         ADMIN1_NAMES.tsv [WORDLIST]
 *
 * Places, by kind (src/data/gazetteer.h):
 *
 *   COUNTRY   every ISO 3166-1 entry (Debian's iso-codes JSON); canonical
 *             name common_name; else, for an inverted name, the part before
 *             ", " when the rest ends in "of" ("Palestine, State of"), the
 *             inversion undone when it ends in "of the" (the Democratic
 *             Republic of the Congo), else official_name, with no leading
 *             "the"; else name; indexed under name, common_name,
 *             official_name, the part of name before ", " ("Korea, Republic
 *             of") and every alias of COUNTRY_ALIASES.tsv ("alias<TAB>alpha2").
 *             An alias for a user-assigned code (XK, Kosovo) makes a
 *             country named by its first alias; another code that ISO
 *             lacks ("UK") stops the build.  Coordinates: with --atlas
 *             (Natural Earth outlines, world-atlas TopoJSON, geometries keyed
 *             by ISO numeric code) the centroid of the country's largest
 *             polygon; else, and for countries too small for the atlas, the
 *             capital (PPLC), else the mean of its GeoNames places.  Feature
 *             "country".
 *   ADMIN1    every ISO 3166-2 subdivision.  First-level ones (no parent):
 *             feature "ADM1", admin1 = itself.  Second-level ones: feature
 *             "ADM2", admin1 = their first-level parent; they come after the
 *             first-level ones, so a first-level one wins a tie.  Indexed
 *             under the ISO name and its parts ("Lleida [Lérida]",
 *             "Murcia, Región de", "A / B"), a first-level one also
 *             without a generic last word ("Hubei" of "Hubei Sheng":
 *             generic_suffix_names).  Coordinates: a first-level
 *             one with three or more GeoNames places in the groups mapped to
 *             it stands, with --atlas, at the centroid of its share of the
 *             country's outline (the cells nearer its places than any other
 *             subdivision's: subdivision_cells), else at the middle of
 *             their extent (its own point, not its capital's); else a GeoNames place of the country with the
 *             subdivision's key (in the subdivision first, then seats, then
 *             the most populous), else the seat (PPLA) of the GeoNames admin1
 *             group mapped to it, else its capital in ADMIN1_NAMES.tsv, else
 *             its first-level parent's point, else its country's.  A first-level one is
 *             also indexed under its English names from ADMIN1_NAMES.tsv:
 *             "ISO 3166-2 code<TAB>names ('|'-separated)<TAB>capital or -";
 *             a code that ISO lacks or that is not first-level stops the
 *             build.  With --cldr, every subdivision is also indexed under
 *             its English name in Unicode CLDR (common/subdivisions/en.xml:
 *             "West Java", "Bavaria") unless that names another one of its
 *             country or a GeoNames place of it.
 *   CITY      every GeoNames row; canonical name asciiname; indexed under
 *             name, asciiname and the alternate names in Latin script (all
 *             code points < U+0250) except all-caps ones of four letters or
 *             fewer (airport codes), ones with digits and ones of more than
 *             six units.  With a WORDLIST, a name whose key is the key of a
 *             lower-case word ("Mobile", "Nice", "Of") is indexed only for a
 *             place of 100000 people or more or a PPLC/PPLA, and that place
 *             is flagged COMMON_WORD.  PPLC places are flagged CAPITAL, PPLA
 *             ADMIN_SEAT.
 *   FACILITY  FACILITIES.tsv: name, aliases ('|'-separated or -), feature
 *             code, alpha2 or - (seas, regions: no country), ISO 3166-2
 *             code or -, lat, lon.
 *             With --continents, CONTINENTS.tsv adds continents and oceans
 *             (feature CONT, OCN; no country), each at the middle of the
 *             extent of the GeoNames places whose time zone lies in its
 *             area ("Africa/...").
 *   DEMONYM   DEMONYMS.tsv: "adjective<TAB>alpha2"; feature "demonym".
 *
 * Admin1 of GeoNames places: GeoNames admin1 codes ("01") are not ISO
 * 3166-2 codes.  A (country, GeoNames admin1) group is mapped to a
 * first-level subdivision
 *
 *   1. by the capitals of ADMIN1_NAMES.tsv: the capital is the GeoNames
 *      place of the subdivision's country with the capital's key as a
 *      name, a seat (PPLA, PPLC) first, then the most populous; its group
 *      maps to the subdivision, whatever the rules below say.  A group
 *      holding the capitals of several subdivisions (GeoNames' Gaza Strip
 *      and West Bank) maps to none of them and is left alone by 2 and 3;
 *   2. else when its code is alphabetic and the ISO code CC-CODE exists
 *      (US-GA, CH-ZH, GB-ENG); else when its code is a FIPS 10-4 region
 *      code whose name (libGeoIP's table) is a name of one subdivision of
 *      the country ("CN 01" Anhui: CN-AH, Anhui Sheng);
 *   3. else when the group's seat (PPLA or PPLC) or, failing that, one of
 *      its places carries the subdivision's key as a name; ties map
 *      nothing.
 *
 * A subdivision claimed by two groups goes to the stronger claim (1, then
 * 2, then 3 by its score), to none on a tie.  Unmapped groups keep admin1
 * NULL.  With MKGAZ_VERBOSE set in the environment, the capitals found and
 * every group's mapping are listed on stderr.
 *
 * Output: one little-endian blob (layout in src/data/gazetteer.c): header,
 * fixed-size place records, a string pool and an open-addressing table of
 * (name key, place) pairs at load <= 0.7.  Places come in the order
 * countries (by code), first-level then second-level subdivisions (by
 * code), facilities and demonyms (file order), GeoNames places (most
 * populous first), which is the order lookups return them in.  The same
 * inputs give the same bytes.  Prints a one-line summary.
 */
#include <GeoIP.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "namekey.h"

enum { K_COUNTRY = 1, K_ADMIN1, K_CITY, K_FACILITY, K_DEMONYM };
enum { F_COMMON = 1, F_CAPITAL = 2, F_SEAT = 4 };
#define NONE UINT32_MAX
#define AMBIGUOUS (UINT32_MAX - 1)
#define PLACE_SIZE 36
#define HEADER_SIZE 80
#define BLOB_VERSION 1
#define COMMON_MIN_POP 100000

typedef struct place {
    double lat, lon; /* NAN when unknown */
    char cc[3];
    uint8_t kind, flags;
    uint8_t level;   /* ADMIN1: 1 first-level, 2 second-level */
    uint32_t pop, gid;
    uint32_t group;  /* CITY: its GeoNames admin1 group, or NONE */
    uint32_t seq;    /* order of reading */
    uint32_t final;  /* index in the output */
    const char *name, *feature, *a1code, *a1name;
    const char *code; /* ADMIN1: own ISO 3166-2 code */
} place;

typedef struct pair {
    uint64_t key;
    uint32_t place;
} pair;

typedef struct group {
    char cc[3];
    const char *code; /* GeoNames admin1 code */
    uint32_t sub;     /* mapped first-level subdivision, or NONE */
    uint32_t strong, weak;
    uint8_t fixed;    /* by ADMIN1_NAMES.tsv: 1 mapped, 2 several capitals */
} group;

/* A line of ADMIN1_NAMES.tsv. */
typedef struct a1entry {
    uint32_t sub;     /* the first-level subdivision */
    uint64_t capkey;  /* key of its capital's name, or 0 */
    const char *capital;
    unsigned lineno;
    uint32_t city;    /* the capital found among GeoNames places, or NONE */
} a1entry;

/* ---- helpers ---- */

_Noreturn static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("mkgaz: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

#define PUSH(arr, n, cap, v)                                       \
    do {                                                           \
        if ((n) == (cap)) {                                        \
            (cap) = (cap) ? 2 * (cap) : 1024;                      \
            (arr) = xrealloc((arr), (cap) * sizeof *(arr));        \
        }                                                          \
        (arr)[(n)++] = (v);                                        \
    } while (0)

/* Strings live until exit in big blocks. */
static char **blocks;
static size_t nblocks, capblocks, block_used, block_size;

static const char *intern(const char *s, size_t n)
{
    if (n + 1 > block_size - block_used) {
        size_t sz = n + 1 > (1u << 20) ? n + 1 : (1u << 20);
        PUSH(blocks, nblocks, capblocks, xrealloc(NULL, sz));
        block_size = sz;
        block_used = 0;
    }
    char *p = blocks[nblocks - 1] + block_used;
    memcpy(p, s, n);
    p[n] = '\0';
    block_used += n + 1;
    return p;
}

static uint64_t str_hash(const char *s, size_t n)
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
    h ^= h >> 31;
    h *= 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return h ? h : 1;
}

/* ---- a map from nonzero 64-bit keys to 32-bit values ---- */

typedef struct u64map {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n;
} u64map;

static uint32_t *map_find(const u64map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    for (size_t s = key & (m->cap - 1);; s = (s + 1) & (m->cap - 1)) {
        if (m->keys[s] == key)
            return &m->vals[s];
        if (m->keys[s] == 0)
            return NULL;
    }
}

/* The value slot of key, inserted with value NONE when new. */
static uint32_t *map_get(u64map *m, uint64_t key)
{
    if (2 * (m->n + 1) > m->cap) {
        u64map g = {0};
        g.cap = m->cap ? 2 * m->cap : 1024;
        g.keys = calloc(g.cap, sizeof *g.keys);
        g.vals = calloc(g.cap, sizeof *g.vals);
        if (!g.keys || !g.vals)
            die("out of memory");
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i])
                *map_get(&g, m->keys[i]) = m->vals[i];
        free(m->keys);
        free(m->vals);
        *m = g;
    }
    size_t s = key & (m->cap - 1);
    while (m->keys[s] && m->keys[s] != key)
        s = (s + 1) & (m->cap - 1);
    if (!m->keys[s]) {
        m->keys[s] = key;
        m->vals[s] = NONE;
        m->n++;
    }
    return &m->vals[s];
}

static void map_free(u64map *m)
{
    free(m->keys);
    free(m->vals);
}

/* A key of (country, name key) pairs. */
static uint64_t cc_key(const char *cc, uint64_t key)
{
    uint64_t h = (key ^ ((uint64_t)(unsigned char)cc[0] << 48) ^
                  ((uint64_t)(unsigned char)cc[1] << 56)) * 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1;
}

/* ---- the tables being built ---- */

static place *places;
static size_t nplaces, capplaces;
static pair *pairs;
static size_t npairs, cappairs;
static group *groups;
static size_t ngroups, capgroups;
static u64map country_of;  /* alpha-2 hash -> place */
static u64map numeric_of;  /* ISO 3166-1 numeric code hash -> place */
static u64map iso_code_of; /* ISO 3166-2 code hash -> place */
static u64map group_of;    /* "CC\037code" hash -> group */
static u64map dict_keys;   /* keys of lower-case dictionary words */
static a1entry *a1e;       /* ADMIN1_NAMES.tsv, in file order */
static size_t na1e, capa1e;
static const char *a1e_path;
static bool verbose;
static uint64_t input_sum = 0xCBF29CE484222325ull;

static uint32_t new_place(uint8_t kind, const char *cc, const char *name)
{
    place p;
    memset(&p, 0, sizeof p);
    p.lat = p.lon = NAN;
    memcpy(p.cc, cc, 2);
    p.kind = kind;
    p.group = NONE;
    p.seq = (uint32_t)nplaces;
    p.name = intern(name, strlen(name));
    PUSH(places, nplaces, capplaces, p);
    return (uint32_t)(nplaces - 1);
}

static void add_key(uint32_t p, uint64_t key)
{
    if (key) {
        pair x = {key, p};
        PUSH(pairs, npairs, cappairs, x);
    }
}

static void add_name(uint32_t p, const char *s, size_t n)
{
    add_key(p, sr_namekey_of(s, n));
}

/* A GeoNames name, through the common-word filter. */
static void add_city_name(uint32_t p, const char *s, size_t n)
{
    uint64_t key = sr_namekey_of(s, n);
    if (!key)
        return;
    if (map_find(&dict_keys, key)) {
        place *pl = &places[p];
        if (pl->pop < COMMON_MIN_POP && strcmp(pl->feature, "PPLC") != 0 &&
            strcmp(pl->feature, "PPLA") != 0)
            return;
        pl->flags |= F_COMMON;
    }
    add_key(p, key);
}

static bool is_alpha2(const char *s)
{
    return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

static uint32_t country(const char *alpha2)
{
    uint32_t *v = map_find(&country_of, str_hash(alpha2, 2));
    return v ? *v : NONE;
}

static void note_input(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        die("cannot read %s: %s", path, strerror(errno));
    input_sum = (input_sum ^ (uint64_t)st.st_size) * 0x100000001B3ull;
}

/* ---- ISO 3166 ---- */

static json_t *load_json(const char *path, const char *member)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root)
        die("%s:%d: %s", path, err.line, err.text);
    json_t *arr = json_object_get(root, member);
    if (!json_is_array(arr))
        die("%s: no \"%s\" array", path, member);
    json_incref(arr);
    json_decref(root);
    return arr;
}

static const char *jstr(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s && *s ? s : NULL;
}

static void read_iso3166_1(const char *path)
{
    note_input(path);
    json_t *arr = load_json(path, "3166-1");
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *a2 = jstr(e, "alpha_2"), *name = jstr(e, "name"), *num = jstr(e, "numeric");
        const char *common = jstr(e, "common_name"), *official = jstr(e, "official_name");
        if (!a2 || !name || !is_alpha2(a2))
            die("%s: entry %zu lacks alpha_2 or name", path, i);
        /* the name as people write it, not ISO's inverted form for sorting:
         * without a common name, "Palestine, State of" is Palestine (as
         * "Iran, Islamic Republic of" is Iran), "Congo, The Democratic
         * Republic of the" the Democratic Republic of the Congo, "Virgin
         * Islands, British" its official name; no leading article */
        const char *canon = common ? common : name;
        const char *inv = strstr(name, ", ");
        if (!common && inv) {
            size_t an = strlen(inv + 2), bn = (size_t)(inv - name);
            char *out = NULL;
            if (an > 3 && strcmp(inv + 2 + an - 3, " of") == 0) {
                out = xrealloc(NULL, bn + 1);
                memcpy(out, name, bn);
                out[bn] = '\0';
            } else if (an > 7 && strcmp(inv + 2 + an - 7, " of the") == 0) {
                out = xrealloc(NULL, an + 1 + bn + 1);
                memcpy(out, inv + 2, an);
                out[an] = ' ';
                memcpy(out + an + 1, name, bn);
                out[an + 1 + bn] = '\0';
            } else if (official) {
                size_t on = strlen(official);
                out = xrealloc(NULL, on + 1);
                memcpy(out, official, on + 1);
            }
            if (out) {
                char *o = out;
                if ((o[0] == 't' || o[0] == 'T') && strncmp(o + 1, "he ", 3) == 0)
                    o += 4;
                canon = o;
            }
        }
        uint32_t p = new_place(K_COUNTRY, a2, canon);
        places[p].feature = "country";
        *map_get(&country_of, str_hash(a2, 2)) = p;
        if (num)
            *map_get(&numeric_of, str_hash(num, strlen(num))) = p;
        add_name(p, name, strlen(name));
        const char *comma = strstr(name, ", ");
        if (comma)
            add_name(p, name, (size_t)(comma - name));
        if (common)
            add_name(p, common, strlen(common));
        if (official)
            add_name(p, official, strlen(official));
    }
    json_decref(arr);
}

/* Keys of an ISO 3166-2 name: the whole, the part before " [" and the
 * bracketed one without its code ("Cardiff [Caerdydd GB-CRD]"), the part
 * before ", " ("Murcia, Región de") and each side of " / ". */
static void add_iso_names(uint32_t p, const char *name)
{
    size_t n = strlen(name);
    add_name(p, name, n);
    const char *br = strstr(name, " [");
    if (br) {
        add_name(p, name, (size_t)(br - name));
        const char *in = br + 2, *end = strchr(in, ']');
        if (end) {
            const char *sp = end;
            /* drop a trailing " XX-YYY" code */
            const char *last = NULL;
            for (const char *q = in; q < end; q++)
                if (*q == ' ')
                    last = q;
            if (last && last[1] >= 'A' && last[1] <= 'Z' && last[2] >= 'A' && last[2] <= 'Z' &&
                last[3] == '-')
                sp = last;
            add_name(p, in, (size_t)(sp - in));
        }
    }
    const char *comma = strstr(name, ", ");
    if (comma)
        add_name(p, name, (size_t)(comma - name));
    const char *slash = strstr(name, " / ");
    if (slash) {
        add_name(p, name, (size_t)(slash - name));
        add_name(p, slash + 3, strlen(slash + 3));
    }
}

/* The part of a first-level subdivision's ISO name before its generic
 * last word: "Hubei" of "Hubei Sheng", "Belgorodskaya" of "Belgorodskaya
 * oblast'".  A last word is generic when three or more first-level
 * subdivisions of the country end with it and it is not an English word
 * ("Province", "Cape" name kinds the text writes out); the part before
 * it must be one no other subdivision of the country shares ("Jawa" of
 * "Jawa Barat" and "Jawa Timur" is not one place), of four bytes or more
 * and no English word ("Central" of "Central Darfur"). */
static size_t iso_base_len(const char *name)
{
    size_t n = strlen(name);
    const char *br = strstr(name, " [");
    if (br && (size_t)(br - name) < n)
        n = (size_t)(br - name);
    const char *comma = strstr(name, ", ");
    if (comma && (size_t)(comma - name) < n)
        n = (size_t)(comma - name);
    return n;
}

static size_t last_word(const char *name, size_t n)
{
    size_t i = n;
    while (i > 0 && name[i - 1] != ' ')
        i--;
    return i; /* start of the last word; 0 when one word */
}

static void generic_suffix_names(size_t first)
{
    for (size_t a = first; a < nplaces;) {
        size_t b = a;
        while (b < nplaces && memcmp(places[b].code, places[a].code, 2) == 0)
            b++;
        for (size_t k = a; k < b; k++) {
            const place *pk = &places[k];
            if (pk->level != 1)
                continue;
            size_t n = iso_base_len(pk->name), w = last_word(pk->name, n);
            if (w < 5 || w - 1 < 4)
                continue;
            uint64_t wkey = sr_namekey_of(pk->name + w, n - w);
            uint64_t rkey = sr_namekey_of(pk->name, w - 1);
            if (!wkey || !rkey || map_find(&dict_keys, wkey) || map_find(&dict_keys, rkey))
                continue;
            size_t same = 0, clash = 0;
            for (size_t j = a; j < b; j++) {
                const place *pj = &places[j];
                size_t nj = iso_base_len(pj->name), wj = last_word(pj->name, nj);
                if (sr_namekey_of(pj->name, nj) == rkey)
                    clash++;
                if (pj->level != 1 || wj == 0)
                    continue;
                if (sr_namekey_of(pj->name + wj, nj - wj) == wkey) {
                    same++;
                    if (j != k && sr_namekey_of(pj->name, wj - 1) == rkey)
                        clash++;
                }
            }
            if (same >= 3 && clash == 0)
                add_name((uint32_t)k, pk->name, w - 1);
        }
        a = b;
    }
}

static void read_iso3166_2(const char *path)
{
    note_input(path);
    json_t *arr = load_json(path, "3166-2");
    size_t i, first = nplaces;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *code = jstr(e, "code"), *name = jstr(e, "name");
        if (!code || !name || strlen(code) < 4 || code[2] != '-')
            die("%s: entry %zu lacks a code or a name", path, i);
        uint32_t p = new_place(K_ADMIN1, code, name);
        /* "Wales [Cymru GB-CYM]", "Girona [Gerona]": the name shown is
         * the part before the bracket; both stay names to look up. */
        const char *br = strstr(name, " [");
        if (br && br > name)
            places[p].name = intern(name, (size_t)(br - name));
        places[p].code = intern(code, strlen(code));
        uint32_t *slot = map_get(&iso_code_of, str_hash(code, strlen(code)));
        if (*slot != NONE)
            die("%s: code %s twice", path, code);
        *slot = p;
        add_iso_names(p, name);
    }
    /* Levels and first-level parents: a parent is "NX" or "GB-ENG". */
    for (size_t k = first; k < nplaces; k++) {
        place *pl = &places[k];
        json_t *ent = json_array_get(arr, k - first);
        const char *parent = jstr(ent, "parent");
        pl->level = parent ? 2 : 1;
        pl->feature = parent ? "ADM2" : "ADM1";
        if (!parent) {
            pl->a1code = pl->code;
            pl->a1name = pl->name;
            continue;
        }
        char buf[64];
        if (strchr(parent, '-'))
            snprintf(buf, sizeof buf, "%s", parent);
        else
            snprintf(buf, sizeof buf, "%.2s-%s", pl->code, parent);
        uint32_t *v = map_find(&iso_code_of, str_hash(buf, strlen(buf)));
        /* Climb to the first-level ancestor. */
        for (int depth = 0; v && depth < 8; depth++) {
            json_t *pe = json_array_get(arr, *v - first);
            const char *pp = jstr(pe, "parent");
            if (!pp)
                break;
            if (strchr(pp, '-'))
                snprintf(buf, sizeof buf, "%s", pp);
            else
                snprintf(buf, sizeof buf, "%.2s-%s", pl->code, pp);
            v = map_find(&iso_code_of, str_hash(buf, strlen(buf)));
        }
        if (v && !jstr(json_array_get(arr, *v - first), "parent")) {
            pl->a1code = places[*v].code;
            pl->a1name = places[*v].name;
        }
    }
    generic_suffix_names(first);
    json_decref(arr);
}

/* ---- TSV files ---- */

typedef struct tsv {
    const char *path;
    FILE *f;
    char *line;
    size_t cap;
    unsigned lineno;
    char *field[16];
    size_t nfield;
} tsv;

static void tsv_open(tsv *t, const char *path)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    note_input(path);
    t->f = fopen(path, "r");
    if (!t->f)
        die("cannot open %s: %s", path, strerror(errno));
}

/* The next line that is not blank or a '#' comment, split on tabs; false
 * at the end. */
static bool tsv_next(tsv *t)
{
    ssize_t len;
    while ((len = getline(&t->line, &t->cap, t->f)) >= 0) {
        t->lineno++;
        while (len > 0 && (t->line[len - 1] == '\n' || t->line[len - 1] == '\r'))
            t->line[--len] = '\0';
        size_t lead = strspn(t->line, " \t");
        if (t->line[lead] == '\0' || t->line[lead] == '#')
            continue;
        t->nfield = 0;
        char *s = t->line;
        for (;;) {
            if (t->nfield == 16)
                die("%s:%u: too many fields", t->path, t->lineno);
            t->field[t->nfield++] = s;
            char *tab = strchr(s, '\t');
            if (!tab)
                break;
            *tab = '\0';
            s = tab + 1;
        }
        /* trim spaces around every field */
        for (size_t i = 0; i < t->nfield; i++) {
            char *f = t->field[i];
            f += strspn(f, " ");
            size_t n = strlen(f);
            while (n && f[n - 1] == ' ')
                f[--n] = '\0';
            t->field[i] = f;
        }
        return true;
    }
    return false;
}

static void tsv_close(tsv *t)
{
    free(t->line);
    fclose(t->f);
}

static void read_country_aliases(const char *path)
{
    tsv t;
    tsv_open(&t, path);
    while (tsv_next(&t)) {
        if (t.nfield < 2 || !*t.field[0] || !is_alpha2(t.field[1]))
            die("%s:%u: want \"alias<TAB>alpha2\"", path, t.lineno);
        uint32_t p = country(t.field[1]);
        if (p == NONE) {
            /* A user-assigned code (XK, Kosovo) is a country named by its
             * first alias; any other unknown code is a mistake ("UK"). */
            const char *c = t.field[1];
            if (!(c[0] == 'X' || (c[0] == 'Q' && c[1] >= 'M') || strcmp(c, "AA") == 0 ||
                  strcmp(c, "ZZ") == 0))
                die("%s:%u: %s is not an ISO 3166-1 alpha-2 code", path, t.lineno, c);
            p = new_place(K_COUNTRY, c, t.field[0]);
            places[p].feature = "country";
            *map_get(&country_of, str_hash(c, 2)) = p;
        }
        add_name(p, t.field[0], strlen(t.field[0]));
    }
    tsv_close(&t);
}

static void read_demonyms(const char *path)
{
    tsv t;
    tsv_open(&t, path);
    while (tsv_next(&t)) {
        if (t.nfield < 2 || !*t.field[0] || !is_alpha2(t.field[1]))
            die("%s:%u: want \"adjective<TAB>alpha2\"", path, t.lineno);
        if (country(t.field[1]) == NONE)
            fprintf(stderr, "mkgaz: %s:%u: warning: no country %s\n", path, t.lineno, t.field[1]);
        uint32_t p = new_place(K_DEMONYM, t.field[1], t.field[0]);
        places[p].feature = "demonym";
        add_name(p, t.field[0], strlen(t.field[0]));
    }
    tsv_close(&t);
}

static bool parse_coord(const char *s, double lim, double *out)
{
    if (!*s || strcmp(s, "-") == 0) {
        *out = NAN;
        return true;
    }
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !(v >= -lim && v <= lim))
        return false;
    *out = v;
    return true;
}

static void read_facilities(const char *path)
{
    tsv t;
    tsv_open(&t, path);
    while (tsv_next(&t)) {
        char **f = t.field;
        bool no_country = strcmp(f[3], "-") == 0; /* seas, straits, regions */
        if (t.nfield < 7 || !*f[0] || !*f[2] || !(no_country || is_alpha2(f[3])))
            die("%s:%u: want \"name<TAB>aliases<TAB>feature<TAB>alpha2 or -<TAB>iso3166-2 or -"
                "<TAB>lat<TAB>lon\"", path, t.lineno);
        uint32_t p = new_place(K_FACILITY, no_country ? "\0\0" : f[3], f[0]);
        place *pl = &places[p];
        pl->feature = intern(f[2], strlen(f[2]));
        if (!parse_coord(f[5], 90, &pl->lat) || !parse_coord(f[6], 180, &pl->lon))
            die("%s:%u: bad coordinates \"%s\", \"%s\"", path, t.lineno, f[5], f[6]);
        if (*f[4] && strcmp(f[4], "-") != 0) {
            uint32_t *v = map_find(&iso_code_of, str_hash(f[4], strlen(f[4])));
            if (v && places[*v].a1code) {
                pl->a1code = places[*v].a1code;
                pl->a1name = places[*v].a1name;
            } else {
                fprintf(stderr, "mkgaz: %s:%u: warning: unknown ISO 3166-2 code %s\n", path,
                        t.lineno, f[4]);
            }
        }
        if (!no_country && country(f[3]) == NONE)
            fprintf(stderr, "mkgaz: %s:%u: warning: no country %s\n", path, t.lineno, f[3]);
        add_name(p, f[0], strlen(f[0]));
        if (strcmp(f[1], "-") != 0) {
            for (char *a = f[1]; *a;) {
                size_t n = strcspn(a, "|");
                add_name(p, a, n);
                a += n;
                if (*a == '|')
                    a++;
            }
        }
    }
    tsv_close(&t);
}

/* ADMIN1_NAMES.tsv: English names of first-level subdivisions, indexed
 * now; their capitals, found once GeoNames is read (fix_groups_by_capital). */
static void read_admin1_names(const char *path)
{
    tsv t;
    tsv_open(&t, path);
    a1e_path = path;
    u64map seen = {0}, owner = {0}; /* owner: (country, key) -> first-level subdivision */
    for (size_t i = 0; i < npairs; i++) {
        const place *pl = &places[pairs[i].place];
        if (pl->kind == K_ADMIN1 && pl->level == 1)
            *map_get(&owner, cc_key(pl->cc, pairs[i].key)) = pairs[i].place;
    }
    while (tsv_next(&t)) {
        char **f = t.field;
        if (t.nfield < 3 || !*f[0] || !*f[1] || !*f[2])
            die("%s:%u: want \"iso3166-2<TAB>names ('|'-separated)<TAB>capital or -\"", path,
                t.lineno);
        uint32_t *v = map_find(&iso_code_of, str_hash(f[0], strlen(f[0])));
        if (!v || strcmp(places[*v].code, f[0]) != 0)
            die("%s:%u: %s is not an ISO 3166-2 code", path, t.lineno, f[0]);
        if (places[*v].level != 1)
            die("%s:%u: %s is not a first-level subdivision", path, t.lineno, f[0]);
        uint32_t *dup = map_get(&seen, str_hash(f[0], strlen(f[0])));
        if (*dup != NONE)
            die("%s:%u: %s again (first on line %u)", path, t.lineno, f[0], *dup);
        *dup = t.lineno;
        for (char *a = f[1]; *a;) {
            size_t n = strcspn(a, "|");
            uint64_t key = sr_namekey_of(a, n);
            if (!key)
                die("%s:%u: empty name in \"%s\"", path, t.lineno, f[1]);
            uint32_t *o = map_get(&owner, cc_key(places[*v].cc, key));
            if (*o != NONE && *o != *v)
                fprintf(stderr, "mkgaz: %s:%u: warning: %.*s also names %s\n", path, t.lineno,
                        (int)n, a, places[*o].code);
            else
                *o = *v;
            add_key(*v, key);
            a += n;
            if (*a == '|')
                a++;
        }
        a1entry e = {*v, 0, NULL, t.lineno, NONE};
        if (strcmp(f[2], "-") != 0) {
            e.capkey = sr_namekey_of(f[2], strlen(f[2]));
            if (!e.capkey)
                die("%s:%u: empty capital \"%s\"", path, t.lineno, f[2]);
            e.capital = intern(f[2], strlen(f[2]));
        }
        PUSH(a1e, na1e, capa1e, e);
    }
    map_free(&seen);
    map_free(&owner);
    tsv_close(&t);
}

/* CLDR's English subdivision names (unicode-cldr-core,
 * common/subdivisions/en.xml: <subdivision type="idjb">West Java</subdivision>,
 * the type being the ISO 3166-2 code in lower case without its hyphen):
 * each is indexed as another name of its subdivision ("West Java" of
 * "Jawa Barat", "Bavaria" of "Bayern"), unless it already names another
 * subdivision of the country. */
static pair *cldr; /* (key, subdivision) read from CLDR, added by add_cldr_names */
static size_t ncldr, capcldr;

static void read_cldr_subdivisions(const char *path)
{
    note_input(path);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    u64map owner = {0}; /* (country, key) -> subdivision */
    for (size_t i = 0; i < npairs; i++) {
        const place *pl = &places[pairs[i].place];
        if (pl->kind == K_ADMIN1)
            *map_get(&owner, cc_key(pl->cc, pairs[i].key)) = pairs[i].place;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        const char *a = strstr(line, "<subdivision type=\"");
        if (!a)
            continue;
        a += strlen("<subdivision type=\"");
        const char *q = strchr(a, '"');
        if (!q || q - a < 3 || q - a > 10 || q[1] != '>')
            continue;
        char code[16];
        size_t n = 0;
        for (const char *c = a; c < q; c++) {
            if (n == 2)
                code[n++] = '-';
            code[n++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
        }
        code[n] = '\0';
        const char *nm = q + 2, *e = strstr(nm, "</subdivision>");
        if (!e || e == nm)
            continue;
        /* the XML entities CLDR uses in names */
        char name[512];
        size_t k = 0;
        for (const char *c = nm; c < e && k + 1 < sizeof name;) {
            static const struct { const char *ent; char ch; } ents[] = {
                {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}};
            bool done = false;
            for (size_t x = 0; x < sizeof ents / sizeof ents[0] && !done; x++) {
                size_t el = strlen(ents[x].ent);
                if ((size_t)(e - c) >= el && memcmp(c, ents[x].ent, el) == 0) {
                    name[k++] = ents[x].ch;
                    c += el;
                    done = true;
                }
            }
            if (!done)
                name[k++] = *c++;
        }
        uint32_t *v = map_find(&iso_code_of, str_hash(code, strlen(code)));
        if (!v || strcmp(places[*v].code, code) != 0)
            continue; /* a code iso-codes does not hold */
        uint64_t key = sr_namekey_of(name, k);
        if (!key)
            continue;
        uint32_t *o = map_get(&owner, cc_key(places[*v].cc, key));
        if (*o != NONE)
            continue; /* its own name already, or another subdivision's */
        *o = *v;
        pair x = {key, *v};
        PUSH(cldr, ncldr, capcldr, x);
    }
    fclose(f);
    map_free(&owner);
}

/* The CLDR names read above, once GeoNames is read: a name that a GeoNames
 * place of the country also carries is left out ("Jalal-Abad" of the
 * region "Dzhalal-Abadskaya oblast'" is first the town its ISO name does
 * not share). */
static void add_cldr_names(void)
{
    u64map town = {0};
    for (size_t i = 0; i < npairs; i++) {
        const place *pl = &places[pairs[i].place];
        if (pl->kind == K_CITY)
            *map_get(&town, cc_key(pl->cc, pairs[i].key)) = 1;
    }
    size_t added = 0, m = 0;
    for (size_t i = 0; i < ncldr; i++) {
        if (map_find(&town, cc_key(places[cldr[i].place].cc, cldr[i].key)))
            cldr[m++] = cldr[i]; /* kept for map_admin1's FIPS names only */
        else
            add_key(cldr[i].place, cldr[i].key), added++;
    }
    map_free(&town);
    if (verbose)
        fprintf(stderr, "mkgaz: %zu English subdivision names of CLDR, %zu left to towns\n", added,
                m);
    ncldr = m;
}

static void read_wordlist(const char *path)
{
    note_input(path);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    char line[256];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        bool lower = n > 0;
        for (size_t i = 0; i < n && lower; i++)
            lower = line[i] >= 'a' && line[i] <= 'z';
        if (lower) {
            uint64_t k = sr_namekey_of(line, n);
            if (k)
                *map_get(&dict_keys, k) = 1;
        }
    }
    fclose(f);
}

/* ---- continents and oceans ---- */

/* CONTINENTS.tsv: "name<TAB>aliases<TAB>feature<TAB>time-zone area"; each
 * becomes a FACILITY of no country placed at the middle of the extent of
 * the GeoNames places whose time zone lies in its area (read_geonames
 * widens the extent). */
typedef struct continent {
    uint32_t place;
    const char *area;
    double box[4]; /* min lat, max lat, min lon, max lon (lon around the first) */
    uint32_t n;
} continent;
static continent *conts;
static size_t nconts, capconts;

static void read_continents(const char *path)
{
    tsv t;
    tsv_open(&t, path);
    while (tsv_next(&t)) {
        char **f = t.field;
        if (t.nfield < 4 || !*f[0] || !*f[2] || !*f[3])
            die("%s:%u: want \"name<TAB>aliases or -<TAB>feature<TAB>time-zone area\"", path,
                t.lineno);
        uint32_t p = new_place(K_FACILITY, "\0\0", f[0]);
        places[p].feature = intern(f[2], strlen(f[2]));
        add_name(p, f[0], strlen(f[0]));
        if (strcmp(f[1], "-") != 0)
            for (char *a = f[1]; *a;) {
                size_t n = strcspn(a, "|");
                add_name(p, a, n);
                a += n;
                if (*a == '|')
                    a++;
            }
        continent c = {p, intern(f[3], strlen(f[3])), {0, 0, 0, 0}, 0};
        PUSH(conts, nconts, capconts, c);
    }
    tsv_close(&t);
}

/* A GeoNames place in time zone tz, of country cc, widens the extent of
 * each continent it lies in. */
static void continent_add(const char *tz, const char *cc, double lat, double lon)
{
    size_t n = strcspn(tz, "/");
    /* the continent of the place's country in libGeoIP's table ("NA",
     * "SA"), for an area written as such a code */
    char ccz[3] = {cc[0], cc[1], '\0'};
    int id = GeoIP_id_by_code(ccz);
    const char *cont = id > 0 && id < 256 ? GeoIP_country_continent[id] : "--";
    for (size_t i = 0; i < nconts; i++) {
        continent *c = &conts[i];
        bool code = strlen(c->area) == 2 && c->area[0] >= 'A' && c->area[0] <= 'Z' &&
                    c->area[1] >= 'A' && c->area[1] <= 'Z';
        if (code ? strncmp(c->area, cont, 2) != 0
                 : strlen(c->area) != n || strncmp(c->area, tz, n) != 0)
            continue;
        double x = lon;
        if (c->n++ == 0) {
            c->box[0] = c->box[1] = lat;
            c->box[2] = c->box[3] = x;
            continue;
        }
        double ref = (c->box[2] + c->box[3]) / 2;
        while (x - ref > 180)
            x -= 360;
        while (x - ref < -180)
            x += 360;
        c->box[0] = fmin(c->box[0], lat);
        c->box[1] = fmax(c->box[1], lat);
        c->box[2] = fmin(c->box[2], x);
        c->box[3] = fmax(c->box[3], x);
    }
}

static void continent_coords(void)
{
    for (size_t i = 0; i < nconts; i++) {
        const continent *c = &conts[i];
        if (c->n == 0)
            continue;
        double lon = (c->box[2] + c->box[3]) / 2;
        places[c->place].lat = (c->box[0] + c->box[1]) / 2;
        places[c->place].lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }
    free(conts);
}

/* ---- GeoNames ---- */

/* Is an alternate name worth indexing?  Latin script only, no digits, not
 * an all-caps code of up to four letters, at most six units, no links,
 * at least three letters and one capital. */
static bool good_alternate(const char *s, size_t n)
{
    size_t nletters = 0, units = 0;
    bool lower = false, upper = false, in_unit = false;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || cp >= 0x250 || (cp >= '0' && cp <= '9') || cp == ':')
            return false;
        i += (size_t)k;
        bool sep = cp == ' ' || cp == '-' || cp == '_' || cp == '/';
        if (!sep && !in_unit)
            units++;
        in_unit = !sep;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
            nletters++;
            if (cat == UTF8PROC_CATEGORY_LL)
                lower = true;
            else
                upper = true;
        }
    }
    if (!lower && nletters <= 4)
        return false;
    /* "st", "syt", "sai te gang": romanisations of another script's
     * spelling (Sète's), written with no capital, and names of fewer
     * than three letters, are no name English text writes ("St." is
     * Saint) */
    if (!upper || nletters < 3)
        return false;
    if (units > 6 || (n >= 4 && memcmp(s, "www.", 4) == 0))
        return false;
    return true;
}

static uint32_t group_for(const char *cc, const char *code)
{
    char buf[64];
    int len = snprintf(buf, sizeof buf, "%.2s\037%s", cc, code);
    if (len < 0 || (size_t)len >= sizeof buf)
        return NONE;
    uint32_t *v = map_get(&group_of, str_hash(buf, (size_t)len));
    if (*v == NONE) {
        group g;
        memset(&g, 0, sizeof g);
        memcpy(g.cc, cc, 2);
        g.code = intern(code, strlen(code));
        g.sub = NONE;
        PUSH(groups, ngroups, capgroups, g);
        *v = (uint32_t)(ngroups - 1);
    } else if (memcmp(groups[*v].cc, cc, 2) != 0 || strcmp(groups[*v].code, code) != 0) {
        die("hash collision between admin1 groups %s and %.2s %s", buf, groups[*v].cc,
            groups[*v].code);
    }
    return *v;
}

static void read_geonames(const char *path)
{
    note_input(path);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *fld[19];
        size_t nf = 0;
        for (char *s = line; nf < 19;) {
            fld[nf++] = s;
            char *tab = strchr(s, '\t');
            if (!tab)
                break;
            *tab = '\0';
            s = tab + 1;
        }
        if (nf < 15)
            die("%s:%u: not a GeoNames line (%zu fields, want 19)", path, lineno, nf);
        const char *name = fld[1], *ascii = *fld[2] ? fld[2] : fld[1];
        if (!*name || !is_alpha2(fld[8]))
            continue; /* no name or no country: nothing to find it by */
        double lat = NAN, lon = NAN;
        if (!parse_coord(fld[4], 90, &lat) || !parse_coord(fld[5], 180, &lon))
            die("%s:%u: bad coordinates", path, lineno);
        uint32_t p = new_place(K_CITY, fld[8], ascii);
        place *pl = &places[p];
        pl->lat = lat;
        pl->lon = lon;
        pl->feature = intern(fld[7], strlen(fld[7]));
        pl->gid = (uint32_t)strtoul(fld[0], NULL, 10);
        unsigned long long pop = strtoull(fld[14], NULL, 10);
        pl->pop = pop > UINT32_MAX ? UINT32_MAX : (uint32_t)pop;
        if (strcmp(pl->feature, "PPLC") == 0)
            pl->flags |= F_CAPITAL;
        if (strcmp(pl->feature, "PPLA") == 0)
            pl->flags |= F_SEAT;
        if (*fld[10] && strcmp(fld[10], "00") != 0)
            pl->group = group_for(fld[8], fld[10]);
        if (nf > 17 && nconts)
            continent_add(fld[17], fld[8], lat, lon);
        add_city_name(p, name, strlen(name));
        add_city_name(p, ascii, strlen(ascii));
        for (char *a = fld[3]; *a;) {
            size_t n = strcspn(a, ",");
            if (n && good_alternate(a, n))
                add_city_name(p, a, n);
            a += n;
            if (*a == ',')
                a++;
        }
    }
    free(line);
    fclose(f);
}

/* ---- admin1 of GeoNames places, coordinates ---- */

static bool is_seat(const place *p)
{
    return p->kind == K_CITY && (strcmp(p->feature, "PPLA") == 0 || strcmp(p->feature, "PPLC") == 0);
}

typedef struct cand {
    uint32_t group, sub, strong, weak;
} cand;

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    return x->sub < y->sub ? -1 : x->sub > y->sub;
}

/* Is (s1, w1) a better score than (s2, w2)? */
static int score_cmp(uint32_t s1, uint32_t w1, uint32_t s2, uint32_t w2)
{
    if (s1 != s2)
        return s1 > s2 ? 1 : -1;
    return w1 > w2 ? 1 : w1 < w2 ? -1 : 0;
}

/* Is city a better coordinate source than the current best b for sub? */
static bool better_coord_source(uint32_t a, uint32_t b, uint32_t sub)
{
    if (b == NONE)
        return true;
    const place *x = &places[a], *y = &places[b];
    bool xin = x->group != NONE && groups[x->group].sub == sub;
    bool yin = y->group != NONE && groups[y->group].sub == sub;
    if (xin != yin)
        return xin;
    if (is_seat(x) != is_seat(y))
        return is_seat(x);
    if (x->pop != y->pop)
        return x->pop > y->pop;
    return x->gid < y->gid;
}

/* Is city a a better capital than the current best b?  A seat first,
 * then the most populous. */
static bool better_capital(uint32_t a, uint32_t b)
{
    if (b == NONE)
        return true;
    const place *x = &places[a], *y = &places[b];
    if (is_seat(x) != is_seat(y))
        return is_seat(x);
    if (x->pop != y->pop)
        return x->pop > y->pop;
    return x->gid < y->gid;
}

/* The capitals of ADMIN1_NAMES.tsv among GeoNames places, and the groups
 * they fix (rule 1 of the top comment). */
static void fix_groups_by_capital(void)
{
    /* (country, capital key) -> first entry; next chains the others. */
    u64map first = {0};
    uint32_t *next = malloc((na1e ? na1e : 1) * sizeof *next);
    if (!next)
        die("out of memory");
    for (size_t e = na1e; e-- > 0;) {
        next[e] = NONE;
        if (!a1e[e].capkey)
            continue;
        uint32_t *v = map_get(&first, cc_key(places[a1e[e].sub].cc, a1e[e].capkey));
        next[e] = *v;
        *v = (uint32_t)e;
    }
    for (size_t i = 0; i < npairs && first.n; i++) {
        uint32_t p = pairs[i].place;
        if (places[p].kind != K_CITY)
            continue;
        uint32_t *v = map_find(&first, cc_key(places[p].cc, pairs[i].key));
        for (uint32_t e = v ? *v : NONE; e != NONE; e = next[e])
            if (a1e[e].city != p && better_capital(p, a1e[e].city))
                a1e[e].city = p;
    }
    free(next);
    map_free(&first);
    /* Each group holding one capital maps to its subdivision. */
    uint32_t *claim = malloc((ngroups ? ngroups : 1) * sizeof *claim);
    if (!claim)
        die("out of memory");
    for (size_t g = 0; g < ngroups; g++)
        claim[g] = NONE;
    size_t missing = 0;
    for (size_t e = 0; e < na1e; e++) {
        uint32_t c = a1e[e].city;
        if (c == NONE) {
            missing += a1e[e].capkey != 0;
            if (a1e[e].capkey && verbose)
                fprintf(stderr, "mkgaz: %s:%u: no GeoNames place %s in %.2s\n", a1e_path,
                        a1e[e].lineno, a1e[e].capital, places[a1e[e].sub].cc);
            continue;
        }
        uint32_t g = places[c].group;
        if (g != NONE)
            claim[g] = claim[g] == NONE ? (uint32_t)e : AMBIGUOUS;
    }
    for (size_t g = 0; g < ngroups; g++) {
        if (claim[g] == NONE)
            continue;
        groups[g].fixed = claim[g] == AMBIGUOUS ? 2 : 1;
        groups[g].sub = claim[g] == AMBIGUOUS ? NONE : a1e[claim[g]].sub;
        groups[g].strong = UINT32_MAX;
        groups[g].weak = 0;
    }
    if (missing && !verbose)
        fprintf(stderr, "mkgaz: %s: %zu capitals not among GeoNames places "
                        "(MKGAZ_VERBOSE=1 lists them)\n", a1e_path, missing);
    if (verbose) {
        for (size_t e = 0; e < na1e; e++) {
            uint32_t c = a1e[e].city;
            if (c == NONE)
                continue;
            const place *pl = &places[c];
            uint32_t g = pl->group;
            fprintf(stderr, "mkgaz: capital %s %s: %s (%s, %u people, group %s)%s\n",
                    places[a1e[e].sub].code, a1e[e].capital, pl->name, pl->feature, pl->pop,
                    g == NONE ? "-" : groups[g].code,
                    g != NONE && groups[g].fixed == 2 ? ", shared: group left unmapped" : "");
        }
    }
    free(claim);
}

static size_t map_admin1(void)
{
    /* (country, key) -> subdivision, for each level; AMBIGUOUS when two
     * subdivisions of one country share a key. */
    u64map sub_of[2] = {{0}, {0}};
    for (size_t i = 0; i < npairs; i++) {
        const place *pl = &places[pairs[i].place];
        if (pl->kind != K_ADMIN1)
            continue;
        uint32_t *v = map_get(&sub_of[pl->level - 1], cc_key(pl->cc, pairs[i].key));
        *v = (*v == NONE || *v == pairs[i].place) ? pairs[i].place : AMBIGUOUS;
    }
    /* CLDR names left to towns still name the subdivision for FIPS names */
    for (size_t i = 0; i < ncldr; i++) {
        const place *pl = &places[cldr[i].place];
        uint32_t *v = map_get(&sub_of[pl->level - 1], cc_key(pl->cc, cldr[i].key));
        *v = (*v == NONE || *v == cldr[i].place) ? cldr[i].place : AMBIGUOUS;
    }
    free(cldr);
    cldr = NULL;
    ncldr = 0;
    /* 1. Capitals of ADMIN1_NAMES.tsv. */
    fix_groups_by_capital();
    /* 2. Alphabetic GeoNames codes that are ISO codes. */
    for (size_t g = 0; g < ngroups; g++) {
        if (groups[g].fixed)
            continue;
        const char *c = groups[g].code;
        bool alpha = *c != '\0';
        for (const char *q = c; *q && alpha; q++)
            alpha = *q >= 'A' && *q <= 'Z';
        if (!alpha)
            continue;
        char buf[64];
        snprintf(buf, sizeof buf, "%.2s-%s", groups[g].cc, c);
        uint32_t *v = map_find(&iso_code_of, str_hash(buf, strlen(buf)));
        if (v && places[*v].level == 1) {
            groups[g].sub = *v;
            groups[g].strong = UINT32_MAX / 2;
        }
    }
    /* 2b. FIPS 10-4 codes: most GeoNames admin1 codes are the region codes
     * of FIPS 10-4 ("CN 01" Anhui, "DE 02" Bayern), whose names libGeoIP
     * holds; a group whose FIPS name is a name of exactly one subdivision of
     * its country maps to it ("Anhui" of "Anhui Sheng").  First-level
     * subdivisions, unless more of the country's groups name second-level
     * ones: provinces under a first level of geographic units (Indonesia's
     * "Jawa Barat" under "Jawa"). */
    uint32_t *fips_sub = malloc(2 * ngroups * sizeof *fips_sub);
    uint32_t *nlevel = calloc(2 * nplaces, sizeof *nlevel); /* per country and level */
    if (!fips_sub || !nlevel)
        die("out of memory");
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t cg = country(groups[g].cc);
        fips_sub[2 * g] = fips_sub[2 * g + 1] = NONE;
        if (cg == NONE)
            continue;
        if (groups[g].sub != NONE) {
            nlevel[2 * cg + places[groups[g].sub].level - 1]++;
            continue;
        }
        if (groups[g].fixed)
            continue;
        char cc[3] = {groups[g].cc[0], groups[g].cc[1], '\0'};
        const char *fips = GeoIP_region_name_by_code(cc, groups[g].code);
        uint64_t key = fips ? sr_namekey_of(fips, strlen(fips)) : 0;
        for (int lv = 0; lv < 2 && key; lv++) {
            uint32_t *v = map_find(&sub_of[lv], cc_key(groups[g].cc, key));
            if (v && *v != AMBIGUOUS) {
                fips_sub[2 * g + lv] = *v;
                nlevel[2 * cg + lv]++;
            }
        }
    }
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t cg = country(groups[g].cc);
        if (cg == NONE || groups[g].sub != NONE || groups[g].fixed)
            continue;
        int lv = nlevel[2 * cg + 1] > nlevel[2 * cg] ? 1 : 0;
        if (fips_sub[2 * g + lv] != NONE) {
            groups[g].sub = fips_sub[2 * g + lv];
            groups[g].strong = UINT32_MAX / 4;
        }
    }
    free(fips_sub);
    free(nlevel);
    /* 3. Names: a seat with the subdivision's key is strong evidence, any
     * other place with it weak. */
    cand *cands = NULL;
    size_t ncands = 0, capcands = 0;
    for (size_t i = 0; i < npairs; i++) {
        const place *pl = &places[pairs[i].place];
        if (pl->kind != K_CITY || pl->group == NONE || groups[pl->group].sub != NONE ||
            groups[pl->group].fixed)
            continue;
        uint32_t *v = map_find(&sub_of[0], cc_key(pl->cc, pairs[i].key));
        if (!v || *v == AMBIGUOUS)
            continue;
        cand c = {pl->group, *v, is_seat(pl), 1};
        PUSH(cands, ncands, capcands, c);
    }
    qsort(cands, ncands, sizeof *cands, cand_cmp);
    size_t m = 0;
    for (size_t i = 0; i < ncands; i++) {
        if (m && cands[m - 1].group == cands[i].group && cands[m - 1].sub == cands[i].sub) {
            cands[m - 1].strong += cands[i].strong;
            cands[m - 1].weak += cands[i].weak;
        } else {
            cands[m++] = cands[i];
        }
    }
    ncands = m;
    for (size_t i = 0; i < ncands;) {
        size_t j = i, best = i;
        bool tie = false;
        for (; j < ncands && cands[j].group == cands[i].group; j++) {
            if (j == i)
                continue;
            int c = score_cmp(cands[j].strong, cands[j].weak, cands[best].strong, cands[best].weak);
            if (c > 0) {
                best = j;
                tie = false;
            } else if (c == 0) {
                tie = true;
            }
        }
        if (!tie) {
            group *g = &groups[cands[best].group];
            g->sub = cands[best].sub;
            g->strong = cands[best].strong;
            g->weak = cands[best].weak;
        }
        i = j;
    }
    free(cands);
    /* A subdivision claimed by several groups goes to the best claim, or to
     * none on a tie. */
    uint32_t *owner = malloc(nplaces * sizeof *owner);
    bool *tied = calloc(nplaces, sizeof *tied);
    if (!owner || !tied)
        die("out of memory");
    for (size_t i = 0; i < nplaces; i++)
        owner[i] = NONE;
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t s = groups[g].sub;
        if (s == NONE)
            continue;
        if (owner[s] == NONE) {
            owner[s] = (uint32_t)g;
            continue;
        }
        const group *o = &groups[owner[s]];
        int c = score_cmp(groups[g].strong, groups[g].weak, o->strong, o->weak);
        if (c > 0) {
            owner[s] = (uint32_t)g;
            tied[s] = false;
        } else if (c == 0) {
            tied[s] = true;
        }
    }
    size_t mapped = 0;
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t s = groups[g].sub;
        if (s != NONE && (owner[s] != g || tied[s]))
            groups[g].sub = NONE;
        mapped += groups[g].sub != NONE;
    }
    /* Places take their group's subdivision. */
    for (size_t i = 0; i < nplaces; i++) {
        place *pl = &places[i];
        if (pl->kind == K_CITY && pl->group != NONE && groups[pl->group].sub != NONE) {
            const place *s = &places[groups[pl->group].sub];
            pl->a1code = s->code;
            pl->a1name = s->name;
        }
    }
    if (verbose) {
        for (size_t g = 0; g < ngroups; g++)
            fprintf(stderr, "mkgaz: group %.2s %s -> %s%s\n", groups[g].cc, groups[g].code,
                    groups[g].sub == NONE ? "-" : places[groups[g].sub].code,
                    groups[g].fixed == 1 ? " (capital)" : groups[g].fixed == 2 ? " (shared)" : "");
    }
    /* Coordinates of subdivisions: a place of the country with the same
     * key, else the seat of the mapped group, else the capital. */
    uint32_t *src = owner;
    for (size_t i = 0; i < nplaces; i++)
        src[i] = NONE;
    for (size_t i = 0; i < npairs; i++) {
        const place *pl = &places[pairs[i].place];
        if (pl->kind != K_CITY || isnan(pl->lat))
            continue;
        for (int lv = 0; lv < 2; lv++) {
            uint32_t *v = map_find(&sub_of[lv], cc_key(pl->cc, pairs[i].key));
            if (v && *v != AMBIGUOUS && better_coord_source(pairs[i].place, src[*v], *v))
                src[*v] = pairs[i].place;
        }
    }
    /* No place with the key: the most populous seat of the mapped group. */
    uint32_t *seat = malloc(nplaces * sizeof *seat);
    if (!seat)
        die("out of memory");
    for (size_t i = 0; i < nplaces; i++)
        seat[i] = NONE;
    for (size_t i = 0; i < nplaces; i++) {
        const place *pl = &places[i];
        if (pl->kind != K_CITY || pl->group == NONE || strcmp(pl->feature, "PPLA") != 0 ||
            isnan(pl->lat) || groups[pl->group].sub == NONE)
            continue;
        uint32_t s = groups[pl->group].sub;
        if (seat[s] == NONE || places[seat[s]].pop < pl->pop ||
            (places[seat[s]].pop == pl->pop && places[seat[s]].gid > pl->gid))
            seat[s] = (uint32_t)i;
    }
    for (size_t i = 0; i < nplaces; i++)
        if (src[i] == NONE)
            src[i] = seat[i];
    /* Nor a seat: the capital of ADMIN1_NAMES.tsv. */
    for (size_t e = 0; e < na1e; e++)
        if (src[a1e[e].sub] == NONE && a1e[e].city != NONE && !isnan(places[a1e[e].city].lat))
            src[a1e[e].sub] = a1e[e].city;
    free(seat);
    /* A first-level subdivision with places of its own is at the middle of
     * their extent (its own point, not its capital's); longitudes are
     * taken around the first place's, so that a subdivision across the
     * antimeridian (Alaska, Chukotka) stays whole. */
    double *box = malloc(nplaces * 4 * sizeof *box);
    uint32_t *nbox = calloc(nplaces, sizeof *nbox);
    if (!box || !nbox)
        die("out of memory");
    for (size_t i = 0; i < nplaces; i++) {
        const place *pl = &places[i];
        if (pl->kind != K_CITY || pl->group == NONE || isnan(pl->lat) ||
            groups[pl->group].sub == NONE)
            continue;
        uint32_t sub = groups[pl->group].sub;
        /* a place of a second-level subdivision widens its first-level
         * parent too ("Jawa" holds the places of "Jawa Barat") */
        uint32_t *up = places[sub].level == 2 && places[sub].a1code
                           ? map_find(&iso_code_of,
                                      str_hash(places[sub].a1code, strlen(places[sub].a1code)))
                           : NULL;
        for (int k = 0; k < 2; k++) {
            uint32_t t = k == 0 ? sub : up ? *up : NONE;
            if (t == NONE)
                break;
            double *b = box + 4 * t, lon = pl->lon;
            if (nbox[t]++ == 0) {
                b[0] = b[1] = pl->lat;
                b[2] = b[3] = lon;
                continue;
            }
            double ref = (b[2] + b[3]) / 2;
            while (lon - ref > 180)
                lon -= 360;
            while (lon - ref < -180)
                lon += 360;
            b[0] = fmin(b[0], pl->lat);
            b[1] = fmax(b[1], pl->lat);
            b[2] = fmin(b[2], lon);
            b[3] = fmax(b[3], lon);
        }
    }
    for (size_t i = 0; i < nplaces; i++) {
        if (places[i].kind != K_ADMIN1)
            continue;
        if (nbox[i] >= 3) {
            const double *b = box + 4 * i;
            double lon = (b[2] + b[3]) / 2;
            places[i].lat = (b[0] + b[1]) / 2;
            places[i].lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
        } else if (src[i] != NONE) {
            places[i].lat = places[src[i]].lat;
            places[i].lon = places[src[i]].lon;
        }
    }
    free(box);
    free(nbox);
    free(owner);
    free(tied);
    map_free(&sub_of[0]);
    map_free(&sub_of[1]);
    return mapped;
}

/* ---- country points from the world atlas ---- */

/* Natural Earth country outlines (TopoJSON, world-atlas countries-110m):
 * a country's point is the centroid of its largest polygon (the mainland:
 * the United States without Alaska, France without Guiana), its area
 * weighted by the cosine of the latitude.  Keyed by ISO 3166-1 numeric
 * code (the geometry's id). */

typedef struct atlas {
    double *x, *y;      /* decoded arc points, degrees */
    size_t *arc_start;  /* first point of each arc; arc_start[narcs] = end */
    size_t narcs;
} atlas;

/* Appends arc i (reversed for ~i) to the ring being built. */
static void ring_add(const atlas *at, json_int_t i, double **rx, double **ry, size_t *n,
                     size_t *cap)
{
    bool rev = i < 0;
    size_t a = (size_t)(rev ? ~i : i);
    if (a >= at->narcs)
        die("atlas: arc index out of range");
    size_t s = at->arc_start[a], e = at->arc_start[a + 1];
    for (size_t k = 0; k < e - s; k++) {
        size_t p = rev ? e - 1 - k : s + k;
        if (*n && k == 0)
            continue; /* arcs share their end points */
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 256;
            *rx = xrealloc(*rx, *cap * sizeof **rx);
            *ry = xrealloc(*ry, *cap * sizeof **ry);
        }
        (*rx)[*n] = at->x[p];
        (*ry)[*n] = at->y[p];
        (*n)++;
    }
}

/* The area (cos-latitude weighted, degrees squared) and centroid of a
 * polygon's outer ring; longitudes unwrapped across the antimeridian. */
static double ring_centroid(double *x, const double *y, size_t n, double *clat, double *clon)
{
    for (size_t k = 1; k < n; k++) {
        while (x[k] - x[k - 1] > 180)
            x[k] -= 360;
        while (x[k] - x[k - 1] < -180)
            x[k] += 360;
    }
    double a = 0, cx = 0, cy = 0;
    for (size_t k = 0; k < n; k++) {
        size_t j = (k + 1) % n;
        double c = x[k] * y[j] - x[j] * y[k];
        a += c;
        cx += (x[k] + x[j]) * c;
        cy += (y[k] + y[j]) * c;
    }
    if (a == 0)
        return 0;
    *clon = cx / (3 * a);
    *clat = cy / (3 * a);
    while (*clon > 180)
        *clon -= 360;
    while (*clon < -180)
        *clon += 360;
    return fabs(a / 2) * cos(*clat * 3.14159265358979323846 / 180);
}

/* ---- subdivision points from the country outlines ---- */

/* A first-level subdivision's own point is the centroid of its area.  The
 * outlines give only the country's area; each part of it is taken to
 * belong to the subdivision of the nearest GeoNames place (a Voronoi
 * partition by the places' mapped subdivisions), sampled on a grid of
 * SUB_STEP degrees.  The middle of the extent of its places misses the
 * part of a subdivision where no town of 1000 people stands (northern
 * Ontario, inland Queensland). */

#define SUB_STEP 0.25
#define SUB_REACH 12 /* grid buckets (degrees) searched for a nearest place */

typedef struct subacc {
    double *v;        /* 3 per place: unit-vector sums of the cells */
    uint32_t *cells;  /* cells per place */
    uint32_t *byc;    /* places with a subdivision, grouped by country */
    size_t *cstart;   /* per country index: start in byc (nplaces + 1) */
} subacc;

static void subacc_init(subacc *sa)
{
    sa->v = calloc(3 * nplaces, sizeof *sa->v);
    sa->cells = calloc(nplaces, sizeof *sa->cells);
    sa->cstart = calloc(nplaces + 1, sizeof *sa->cstart);
    sa->byc = malloc((nplaces + 1) * sizeof *sa->byc);
    if (!sa->v || !sa->cells || !sa->cstart || !sa->byc)
        die("out of memory");
    uint32_t *cof = malloc((nplaces + 1) * sizeof *cof);
    if (!cof)
        die("out of memory");
    for (size_t i = 0; i < nplaces; i++) {
        const place *pl = &places[i];
        cof[i] = NONE;
        if (pl->kind == K_CITY && pl->group != NONE && groups[pl->group].sub != NONE &&
            !isnan(pl->lat) && (cof[i] = country(pl->cc)) != NONE)
            sa->cstart[cof[i] + 1]++;
    }
    for (size_t c = 0; c < nplaces; c++)
        sa->cstart[c + 1] += sa->cstart[c];
    size_t *fill = malloc(nplaces * sizeof *fill);
    if (!fill)
        die("out of memory");
    memcpy(fill, sa->cstart, nplaces * sizeof *fill);
    for (size_t i = 0; i < nplaces; i++)
        if (cof[i] != NONE)
            sa->byc[fill[cof[i]]++] = (uint32_t)i;
    free(fill);
    free(cof);
}

static void subacc_free(subacc *sa)
{
    free(sa->v);
    free(sa->cells);
    free(sa->byc);
    free(sa->cstart);
}

static int dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The cells of country c's outline (rings: nr rings, ring k holds the
 * points rs[k] .. rs[k + 1] - 1 of rx, ry; outer rings and holes alike,
 * filled even-odd) go to the subdivision of their nearest place. */
static void subdivision_cells(subacc *sa, uint32_t c, const double *rx, const double *ry,
                              const size_t *rs, size_t nr)
{
    size_t a = sa->cstart[c], b = sa->cstart[c + 1];
    if (a == b || nr == 0)
        return;
    /* the country's places in buckets of one degree */
    double la0 = 90, la1 = -90, lo0 = 180, lo1 = -180;
    for (size_t k = a; k < b; k++) {
        const place *pl = &places[sa->byc[k]];
        la0 = fmin(la0, pl->lat);
        la1 = fmax(la1, pl->lat);
        lo0 = fmin(lo0, pl->lon);
        lo1 = fmax(lo1, pl->lon);
    }
    int y0 = (int)floor(la0), x0 = (int)floor(lo0);
    int ny = (int)floor(la1) - y0 + 1, nx = (int)floor(lo1) - x0 + 1;
    size_t nb = (size_t)ny * (size_t)nx;
    size_t *bstart = calloc(nb + 1, sizeof *bstart), *bfill = malloc(nb * sizeof *bfill);
    uint32_t *bitem = malloc((b - a) * sizeof *bitem);
    if (!bstart || !bfill || !bitem)
        die("out of memory");
    for (size_t k = a; k < b; k++) {
        const place *pl = &places[sa->byc[k]];
        bstart[(size_t)((int)floor(pl->lat) - y0) * nx + (size_t)((int)floor(pl->lon) - x0) + 1]++;
    }
    for (size_t i = 0; i < nb; i++)
        bstart[i + 1] += bstart[i];
    memcpy(bfill, bstart, nb * sizeof *bfill);
    for (size_t k = a; k < b; k++) {
        const place *pl = &places[sa->byc[k]];
        bitem[bfill[(size_t)((int)floor(pl->lat) - y0) * nx + (size_t)((int)floor(pl->lon) - x0)]++] =
            sa->byc[k];
    }
    free(bfill);
    double ymin = 90, ymax = -90;
    for (size_t i = 0; i < rs[nr]; i++) {
        ymin = fmin(ymin, ry[i]);
        ymax = fmax(ymax, ry[i]);
    }
    size_t capx = 64, nxs;
    double *xs = malloc(capx * sizeof *xs);
    if (!xs)
        die("out of memory");
    const double rad = 3.14159265358979323846 / 180;
    for (double y = (floor(ymin / SUB_STEP) + 0.5) * SUB_STEP; y < ymax; y += SUB_STEP) {
        nxs = 0;
        for (size_t r = 0; r < nr; r++)
            for (size_t i = rs[r]; i < rs[r + 1]; i++) {
                size_t j = i + 1 < rs[r + 1] ? i + 1 : rs[r];
                double ya = ry[i], yb = ry[j];
                if ((ya > y) == (yb > y))
                    continue;
                if (nxs == capx) {
                    capx *= 2;
                    xs = xrealloc(xs, capx * sizeof *xs);
                }
                xs[nxs++] = rx[i] + (y - ya) * (rx[j] - rx[i]) / (yb - ya);
            }
        qsort(xs, nxs, sizeof *xs, dbl_cmp);
        double cy = cos(y * rad);
        int by = (int)floor(y) - y0;
        for (size_t p = 0; p + 1 < nxs; p += 2)
            for (double x = (ceil(xs[p] / SUB_STEP - 0.5) + 0.5) * SUB_STEP; x < xs[p + 1];
                 x += SUB_STEP) {
                int bx = (int)floor(x) - x0;
                double best = INFINITY;
                uint32_t near = NONE;
                for (int rr = 0; rr <= SUB_REACH; rr++) {
                    /* a place found within ring rr - 1 is nearer than
                     * anything from ring rr + 1 on */
                    if (near != NONE && (rr - 1) * (rr - 1) * cy * cy > best)
                        break;
                    for (int i = by - rr; i <= by + rr; i++) {
                        if (i < 0 || i >= ny)
                            continue;
                        for (int j = bx - rr; j <= bx + rr; j++) {
                            if (j < 0 || j >= nx || (abs(i - by) != rr && abs(j - bx) != rr))
                                continue;
                            size_t q = (size_t)i * nx + (size_t)j;
                            for (size_t t = bstart[q]; t < bstart[q + 1]; t++) {
                                const place *pl = &places[bitem[t]];
                                double dy = pl->lat - y, dx = (pl->lon - x) * cy;
                                double d = dy * dy + dx * dx;
                                if (d < best || (d == best && bitem[t] < near)) {
                                    best = d;
                                    near = bitem[t];
                                }
                            }
                        }
                    }
                }
                if (near == NONE)
                    continue;
                uint32_t s = groups[places[near].group].sub;
                double w = cy;
                sa->v[3 * s] += w * cy * cos(x * rad);
                sa->v[3 * s + 1] += w * cy * sin(x * rad);
                sa->v[3 * s + 2] += w * sin(y * rad);
                sa->cells[s]++;
            }
    }
    free(xs);
    free(bstart);
    free(bitem);
}

/* Subdivisions with three or more places and cells of their own stand at
 * the centroid of their cells. */
static size_t subdivision_points(const subacc *sa)
{
    uint32_t *own = calloc(nplaces, sizeof *own);
    if (!own)
        die("out of memory");
    for (size_t k = 0; k < sa->cstart[nplaces]; k++)
        own[groups[places[sa->byc[k]].group].sub]++;
    size_t n = 0;
    for (size_t i = 0; i < nplaces; i++) {
        if (places[i].kind != K_ADMIN1 || own[i] < 3 || sa->cells[i] == 0)
            continue;
        const double *v = sa->v + 3 * i;
        places[i].lat = atan2(v[2], hypot(v[0], v[1])) * 180 / 3.14159265358979323846;
        places[i].lon = atan2(v[1], v[0]) * 180 / 3.14159265358979323846;
        n++;
    }
    free(own);
    return n;
}

static void read_atlas(const char *path)
{
    note_input(path);
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root)
        die("%s:%d: %s", path, err.line, err.text);
    json_t *tr = json_object_get(root, "transform");
    double sc[2] = {1, 1}, tl[2] = {0, 0};
    if (tr) {
        json_t *s = json_object_get(tr, "scale"), *t = json_object_get(tr, "translate");
        for (int k = 0; k < 2; k++) {
            sc[k] = json_number_value(json_array_get(s, (size_t)k));
            tl[k] = json_number_value(json_array_get(t, (size_t)k));
        }
    }
    json_t *jarcs = json_object_get(root, "arcs");
    json_t *geoms = json_object_get(json_object_get(json_object_get(root, "objects"), "countries"),
                                    "geometries");
    if (!json_is_array(jarcs) || !json_is_array(geoms))
        die("%s: not a world-atlas countries file", path);
    atlas at = {NULL, NULL, NULL, json_array_size(jarcs)};
    at.arc_start = xrealloc(NULL, (at.narcs + 1) * sizeof *at.arc_start);
    size_t np = 0, capp = 0;
    for (size_t i = 0; i < at.narcs; i++) {
        json_t *arc = json_array_get(jarcs, i);
        at.arc_start[i] = np;
        double qx = 0, qy = 0;
        for (size_t k = 0; k < json_array_size(arc); k++) {
            json_t *pt = json_array_get(arc, k);
            double dx = json_number_value(json_array_get(pt, 0)),
                   dy = json_number_value(json_array_get(pt, 1));
            if (tr) {
                qx += dx;
                qy += dy;
            } else {
                qx = dx;
                qy = dy;
            }
            if (np == capp) {
                capp = capp ? 2 * capp : 4096;
                at.x = xrealloc(at.x, capp * sizeof *at.x);
                at.y = xrealloc(at.y, capp * sizeof *at.y);
            }
            at.x[np] = qx * sc[0] + tl[0];
            at.y[np] = qy * sc[1] + tl[1];
            np++;
        }
    }
    at.arc_start[at.narcs] = np;
    double *rx = NULL, *ry = NULL;
    double *sx = NULL, *sy = NULL;
    size_t rcap = 0, found = 0, *rs = NULL, srcap = 0, sxcap = 0;
    subacc sa;
    subacc_init(&sa);
    for (size_t g = 0; g < json_array_size(geoms); g++) {
        json_t *geo = json_array_get(geoms, g);
        const char *id = json_string_value(json_object_get(geo, "id"));
        const char *type = json_string_value(json_object_get(geo, "type"));
        uint32_t *c = id ? map_find(&numeric_of, str_hash(id, strlen(id))) : NULL;
        if (!c || !type)
            continue;
        json_t *polys = json_object_get(geo, "arcs");
        bool multi = strcmp(type, "MultiPolygon") == 0;
        if (!multi && strcmp(type, "Polygon") != 0)
            continue;
        size_t npoly = multi ? json_array_size(polys) : 1;
        double best = 0, blat = NAN, blon = NAN;
        for (size_t p = 0; p < npoly; p++) {
            json_t *rings = multi ? json_array_get(polys, p) : polys;
            json_t *outer = json_array_get(rings, 0);
            size_t n = 0;
            for (size_t k = 0; k < json_array_size(outer); k++)
                ring_add(&at, json_integer_value(json_array_get(outer, k)), &rx, &ry, &n, &rcap);
            double lat = NAN, lon = NAN, a = n >= 3 ? ring_centroid(rx, ry, n, &lat, &lon) : 0;
            if (a > best) {
                best = a;
                blat = lat;
                blon = lon;
            }
        }
        if (best > 0) {
            places[*c].lat = blat;
            places[*c].lon = blon;
            found++;
        }
        /* every ring of the country, holes too, for its subdivisions */
        size_t n = 0, nr = 0;
        for (size_t p = 0; p < npoly; p++) {
            json_t *rings = multi ? json_array_get(polys, p) : polys;
            for (size_t r = 0; r < json_array_size(rings); r++) {
                json_t *ring = json_array_get(rings, r);
                size_t m = 0;
                for (size_t k = 0; k < json_array_size(ring); k++)
                    ring_add(&at, json_integer_value(json_array_get(ring, k)), &rx, &ry, &m, &rcap);
                if (m < 3)
                    continue;
                if (n + m > sxcap) {
                    while (n + m > sxcap)
                        sxcap = sxcap ? 2 * sxcap : 1024;
                    sx = xrealloc(sx, sxcap * sizeof *sx);
                    sy = xrealloc(sy, sxcap * sizeof *sy);
                }
                memcpy(sx + n, rx, m * sizeof *sx);
                memcpy(sy + n, ry, m * sizeof *sy);
                if (nr + 2 > srcap) {
                    srcap = srcap ? 2 * srcap : 64;
                    rs = xrealloc(rs, srcap * sizeof *rs);
                }
                rs[nr++] = n;
                n += m;
                rs[nr] = n;
            }
        }
        subdivision_cells(&sa, *c, sx, sy, rs, nr);
    }
    size_t subs = subdivision_points(&sa);
    subacc_free(&sa);
    free(rs);
    free(sx);
    free(sy);
    free(rx);
    free(ry);
    free(at.x);
    free(at.y);
    free(at.arc_start);
    json_decref(root);
    if (verbose)
        fprintf(stderr, "mkgaz: %zu countries and %zu subdivisions placed from %s\n", found, subs,
                path);
}

/* Countries the atlas did not place: the capital, else the mean of their
 * places. */
static void country_coords(void)
{
    double *sum = calloc(2 * nplaces, sizeof *sum);
    uint32_t *cnt = calloc(nplaces, sizeof *cnt), *cap = malloc(nplaces * sizeof *cap);
    if (!sum || !cnt || !cap)
        die("out of memory");
    for (size_t i = 0; i < nplaces; i++)
        cap[i] = NONE;
    for (size_t i = 0; i < nplaces; i++) {
        const place *pl = &places[i];
        if (pl->kind != K_CITY || isnan(pl->lat))
            continue;
        uint32_t c = country(pl->cc);
        if (c == NONE)
            continue;
        sum[2 * c] += pl->lat;
        sum[2 * c + 1] += pl->lon;
        cnt[c]++;
        if (strcmp(pl->feature, "PPLC") == 0 &&
            (cap[c] == NONE || places[cap[c]].pop < pl->pop ||
             (places[cap[c]].pop == pl->pop && places[cap[c]].gid > pl->gid)))
            cap[c] = (uint32_t)i;
    }
    for (size_t c = 0; c < nplaces; c++) {
        if (places[c].kind != K_COUNTRY || !isnan(places[c].lat))
            continue;
        if (cap[c] != NONE) {
            places[c].lat = places[cap[c]].lat;
            places[c].lon = places[cap[c]].lon;
        } else if (cnt[c]) {
            places[c].lat = sum[2 * c] / cnt[c];
            places[c].lon = sum[2 * c + 1] / cnt[c];
        }
    }
    free(sum);
    free(cnt);
    free(cap);
    /* Every subdivision has a point: one nothing placed (no GeoNames group
     * maps to it, no place carries its name) stands at its first-level
     * parent's, else at its country's. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nplaces; i++) {
            place *pl = &places[i];
            if (pl->kind != K_ADMIN1 || !isnan(pl->lat))
                continue;
            uint32_t *up = pass == 0 && pl->level == 2 && pl->a1code
                               ? map_find(&iso_code_of, str_hash(pl->a1code, strlen(pl->a1code)))
                               : NULL;
            uint32_t from = up ? *up : pass == 1 ? country(pl->cc) : NONE;
            if (from != NONE && !isnan(places[from].lat)) {
                pl->lat = places[from].lat;
                pl->lon = places[from].lon;
            }
        }
}

/* ---- output ---- */

static int rank(const place *p)
{
    switch (p->kind) {
    case K_COUNTRY: return 0;
    case K_ADMIN1: return p->level == 1 ? 1 : 2;
    case K_FACILITY: return 3;
    case K_DEMONYM: return 4;
    default: return 5;
    }
}

static int order_cmp(const void *a, const void *b)
{
    const place *x = &places[*(const uint32_t *)a], *y = &places[*(const uint32_t *)b];
    int rx = rank(x), ry = rank(y);
    if (rx != ry)
        return rx - ry;
    int c = 0;
    if (x->kind == K_COUNTRY)
        c = memcmp(x->cc, y->cc, 2);
    else if (x->kind == K_ADMIN1)
        c = strcmp(x->code, y->code);
    else if (x->kind == K_CITY && x->pop != y->pop)
        c = x->pop > y->pop ? -1 : 1;
    else if (x->kind == K_CITY && x->gid != y->gid)
        c = x->gid < y->gid ? -1 : 1;
    if (c)
        return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    uint32_t px = places[x->place].final, py = places[y->place].final;
    if (px != py)
        return px < py ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

typedef struct out {
    unsigned char *data;
    size_t len, cap;
} out;

static void out_put(out *o, const void *p, size_t n)
{
    if (o->len + n > o->cap) {
        while (o->len + n > o->cap)
            o->cap = o->cap ? 2 * o->cap : (1u << 20);
        o->data = xrealloc(o->data, o->cap);
    }
    memcpy(o->data + o->len, p, n);
    o->len += n;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void out_align8(out *o)
{
    static const unsigned char zero[8];
    out_put(o, zero, (8 - o->len % 8) % 8);
}

/* The pool offset of s (0 for NULL), adding it once. */
static uint32_t pool_add(out *pool, u64map *seen, const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    uint32_t *v = map_get(seen, str_hash(s, n));
    if (*v != NONE && strcmp((const char *)pool->data + *v, s) == 0)
        return *v;
    uint32_t off = (uint32_t)pool->len;
    out_put(pool, s, n + 1);
    if (*v == NONE)
        *v = off;
    if (pool->len > UINT32_MAX / 2)
        die("string pool too large");
    return off;
}

static int32_t micro(double d)
{
    if (isnan(d))
        return INT32_MIN;
    return (int32_t)(d * 1e6 + (d >= 0 ? 0.5 : -0.5));
}

static void write_blob(const char *path, size_t *out_pairs, size_t *out_size)
{
    /* Final order. */
    uint32_t *order = malloc(nplaces * sizeof *order);
    if (!order)
        die("out of memory");
    for (size_t i = 0; i < nplaces; i++)
        order[i] = (uint32_t)i;
    qsort(order, nplaces, sizeof *order, order_cmp);
    for (size_t i = 0; i < nplaces; i++)
        places[order[i]].final = (uint32_t)i;
    uint32_t country_first = NONE, country_count = 0, admin_first = NONE, admin_count = 0;
    for (size_t i = 0; i < nplaces; i++) {
        const place *pl = &places[order[i]];
        if (pl->kind == K_COUNTRY) {
            if (country_first == NONE)
                country_first = (uint32_t)i;
            country_count++;
        } else if (pl->kind == K_ADMIN1 && pl->level == 1) {
            if (admin_first == NONE)
                admin_first = (uint32_t)i;
            admin_count++;
        }
    }
    if (country_first == NONE)
        country_first = 0;
    if (admin_first == NONE)
        admin_first = 0;
    /* Pairs: one per (place, key), in place order. */
    qsort(pairs, npairs, sizeof *pairs, pair_cmp);
    size_t m = 0;
    for (size_t i = 0; i < npairs; i++)
        if (!m || pairs[m - 1].key != pairs[i].key || pairs[m - 1].place != pairs[i].place)
            pairs[m++] = pairs[i];
    npairs = m;
    size_t nslots = npairs * 10 / 7 + 1;
    if (nslots > UINT32_MAX / 16)
        die("too many names");
    unsigned char *slots = calloc(nslots, 12);
    if (!slots)
        die("out of memory");
    for (size_t i = 0; i < npairs; i++) {
        uint64_t key = pairs[i].key;
        size_t s = (size_t)(((key >> 32) * (uint64_t)nslots) >> 32);
        for (;;) {
            uint64_t k = 0;
            for (int b = 0; b < 8; b++)
                k |= (uint64_t)slots[12 * s + b] << (8 * b);
            if (k == 0)
                break;
            if (++s == nslots)
                s = 0;
        }
        put64(slots + 12 * s, key);
        put32(slots + 12 * s + 8, places[pairs[i].place].final);
    }
    /* Places and strings. */
    out pool = {0}, recs = {0};
    u64map seen = {0};
    out_put(&pool, "", 1); /* offset 0: NULL */
    for (size_t i = 0; i < nplaces; i++) {
        const place *pl = &places[order[i]];
        unsigned char r[PLACE_SIZE];
        put32(r, (uint32_t)micro(pl->lat));
        put32(r + 4, (uint32_t)micro(pl->lon));
        put32(r + 8, pool_add(&pool, &seen, pl->name));
        put32(r + 12, pool_add(&pool, &seen, pl->feature));
        put32(r + 16, pool_add(&pool, &seen, pl->a1code));
        put32(r + 20, pool_add(&pool, &seen, pl->a1name));
        put32(r + 24, pl->pop);
        put32(r + 28, pl->gid);
        memcpy(r + 32, pl->cc, 2);
        r[34] = pl->kind;
        r[35] = pl->flags;
        out_put(&recs, r, sizeof r);
    }
    map_free(&seen);
    out blob = {0};
    unsigned char hdr[HEADER_SIZE] = "SRGAZ1";
    out_put(&blob, hdr, sizeof hdr);
    size_t places_off = blob.len;
    out_put(&blob, recs.data, recs.len);
    out_align8(&blob);
    size_t slots_off = blob.len;
    out_put(&blob, slots, 12 * nslots);
    out_align8(&blob);
    size_t pool_off = blob.len;
    out_put(&blob, pool.data, pool.len);
    out_align8(&blob);
    if (blob.len > UINT32_MAX)
        die("blob too large");
    unsigned char *h = blob.data;
    put32(h + 8, BLOB_VERSION);
    put32(h + 12, HEADER_SIZE);
    put32(h + 16, (uint32_t)blob.len);
    put32(h + 20, (uint32_t)nplaces);
    put32(h + 24, PLACE_SIZE);
    put32(h + 28, (uint32_t)places_off);
    put32(h + 32, (uint32_t)nslots);
    put32(h + 36, (uint32_t)slots_off);
    put32(h + 40, (uint32_t)npairs);
    put32(h + 44, (uint32_t)pool_off);
    put32(h + 48, (uint32_t)pool.len);
    put32(h + 52, country_first);
    put32(h + 56, country_count);
    put32(h + 60, admin_first);
    put32(h + 64, admin_count);
    put32(h + 68, 0);
    put64(h + 72, input_sum);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        die("cannot write %s: %s", tmp, strerror(errno));
    if (fwrite(blob.data, 1, blob.len, f) != blob.len || fclose(f) != 0) {
        remove(tmp);
        die("cannot write %s", tmp);
    }
    if (rename(tmp, path) != 0) {
        remove(tmp);
        die("cannot rename %s to %s: %s", tmp, path, strerror(errno));
    }
    *out_pairs = npairs;
    *out_size = blob.len;
    free(blob.data);
    free(pool.data);
    free(recs.data);
    free(slots);
    free(order);
}

int main(int argc, char **argv)
{
    const char *atlas_path = NULL, *continents_path = NULL, *cldr_path = NULL;
    while (argc > 2 && (strcmp(argv[1], "--atlas") == 0 || strcmp(argv[1], "--continents") == 0 ||
                        strcmp(argv[1], "--cldr") == 0)) {
        if (strcmp(argv[1], "--atlas") == 0)
            atlas_path = argv[2];
        else if (strcmp(argv[1], "--cldr") == 0)
            cldr_path = argv[2];
        else
            continents_path = argv[2];
        argc -= 2;
        argv += 2;
    }
    if (argc < 9 || argc > 10) {
        fprintf(stderr, "usage: mkgaz [--atlas COUNTRIES-110M.json] [--continents CONTINENTS.tsv] [--cldr EN.xml] OUT.bin GEONAMES.txt "
                        "ISO_3166-1.json ISO_3166-2.json COUNTRY_ALIASES.tsv DEMONYMS.tsv "
                        "FACILITIES.tsv ADMIN1_NAMES.tsv [WORDLIST]\n");
        return 2;
    }
    const char *env = getenv("MKGAZ_VERBOSE");
    verbose = env && *env && strcmp(env, "0") != 0;
    if (argc == 10)
        read_wordlist(argv[9]);
    read_iso3166_1(argv[3]);
    read_iso3166_2(argv[4]);
    read_admin1_names(argv[8]);
    if (cldr_path)
        read_cldr_subdivisions(cldr_path);
    read_country_aliases(argv[5]);
    read_facilities(argv[7]);
    if (continents_path)
        read_continents(continents_path);
    read_demonyms(argv[6]);
    read_geonames(argv[2]);
    add_cldr_names();
    continent_coords();
    size_t mapped = map_admin1();
    if (atlas_path)
        read_atlas(atlas_path);
    country_coords();

    size_t counts[6] = {0}, common = 0;
    for (size_t i = 0; i < nplaces; i++) {
        counts[places[i].kind]++;
        common += (places[i].flags & F_COMMON) != 0;
    }
    size_t names, size;
    write_blob(argv[1], &names, &size);
    printf("mkgaz: %zu places (%zu countries, %zu subdivisions, %zu GeoNames places, "
           "%zu facilities, %zu demonyms), %zu names, %zu common-word places, "
           "admin1 for %zu of %zu GeoNames groups; %s: %.1f MB\n",
           nplaces, counts[K_COUNTRY], counts[K_ADMIN1], counts[K_CITY], counts[K_FACILITY],
           counts[K_DEMONYM], names, common, mapped, ngroups, argv[1], size / 1e6);

    free(places);
    free(pairs);
    free(groups);
    free(a1e);
    map_free(&country_of);
    map_free(&numeric_of);
    map_free(&iso_code_of);
    map_free(&group_of);
    map_free(&dict_keys);
    for (size_t i = 0; i < nblocks; i++)
        free(blocks[i]);
    free(blocks);
    return 0;
}
