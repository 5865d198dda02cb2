/*
 * render_export.c -- the exports of render.h, for other tools: the records
 * as JSON Lines, the events as an ACLED-style CSV (spreadsheets, analysts'
 * pipelines built for ACLED downloads) and events and places as GeoJSON
 * (RFC 7946, for GIS tools).
 *
 * Every writer borrows the records and writes a line (a CSV row, a
 * GeoJSON feature) in one call of `write`, so an output is never cut in
 * the middle of a line.  Nothing reads a file at run time: country names
 * come from the gazetteer compiled into the library, ISO alpha-3 codes
 * from the table below.
 */
#include "report/render.h"
#include "report/report.h"

#include "actors.h"
#include "gazetteer.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* jansson's output settings: those of `sitrep extract` (report.h), so an
 * export of records read back from its output repeats them byte for byte. */
#define EXPORT_JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8))

/* ---- reading records ---- */

static const char *str_at(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static bool type_is(const json_t *rec, const char *type)
{
    const char *t = str_at(rec, "type");
    return t != NULL && strcmp(t, type) == 0;
}

/* The number at key, if it is one and finite. */
static bool num_at(const json_t *o, const char *key, double *out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_number(v))
        return false;
    double d = json_number_value(v);
    if (!isfinite(d))
        return false;
    *out = d;
    return true;
}

/* lat/lon of an object holding both, inside RFC 7946's ranges. */
static bool coords_of(const json_t *o, double *lat, double *lon)
{
    return num_at(o, "lat", lat) && num_at(o, "lon", lon) && *lat >= -90 && *lat <= 90 &&
           *lon >= -180 && *lon <= 180;
}

/* Four decimals (about 10 m, as the gazetteer keeps them), never "-0". */
static double round4(double v)
{
    v = round(v * 1e4) / 1e4;
    return v == 0 ? 0.0 : v;
}

/* ---- JSON Lines ---- */

sitrep_status sr_export_jsonl(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    if (write == NULL || (recs == NULL && n > 0))
        return SITREP_EARG;
    for (size_t i = 0; i < n; i++) {
        /* jansson writes only objects and arrays at the top level: a record
         * is an object, anything else is not a record and is left out */
        if (!json_is_object(recs[i]))
            continue;
        sitrep_status st = sr_json_emit(recs[i], NULL, write, ctx);
        if (st != SITREP_OK)
            return st;
    }
    return SITREP_OK;
}

/* ---- countries ---- */

/* ISO 3166-1 alpha-2 code followed by its alpha-3 code, sorted, from
 * Debian's iso-codes 4.15 (/usr/share/iso-codes/json/iso_3166-1.json), plus
 * Kosovo's user-assigned XK/XKX as ACLED and the EU use it.  The gazetteer
 * keeps only alpha-2 codes, and 250 fixed codes do not justify a build
 * step; regenerate with
 *   python3 -c 'import json; print(sorted(c["alpha_2"] + c["alpha_3"]
 *     for c in json.load(open("iso_3166-1.json"))["3166-1"]))'  */
static const char alpha3_table[][6] = {
    "ADAND", "AEARE", "AFAFG", "AGATG", "AIAIA", "ALALB", "AMARM", "AOAGO", "AQATA", "ARARG",
    "ASASM", "ATAUT", "AUAUS", "AWABW", "AXALA", "AZAZE", "BABIH", "BBBRB", "BDBGD", "BEBEL",
    "BFBFA", "BGBGR", "BHBHR", "BIBDI", "BJBEN", "BLBLM", "BMBMU", "BNBRN", "BOBOL", "BQBES",
    "BRBRA", "BSBHS", "BTBTN", "BVBVT", "BWBWA", "BYBLR", "BZBLZ", "CACAN", "CCCCK", "CDCOD",
    "CFCAF", "CGCOG", "CHCHE", "CICIV", "CKCOK", "CLCHL", "CMCMR", "CNCHN", "COCOL", "CRCRI",
    "CUCUB", "CVCPV", "CWCUW", "CXCXR", "CYCYP", "CZCZE", "DEDEU", "DJDJI", "DKDNK", "DMDMA",
    "DODOM", "DZDZA", "ECECU", "EEEST", "EGEGY", "EHESH", "ERERI", "ESESP", "ETETH", "FIFIN",
    "FJFJI", "FKFLK", "FMFSM", "FOFRO", "FRFRA", "GAGAB", "GBGBR", "GDGRD", "GEGEO", "GFGUF",
    "GGGGY", "GHGHA", "GIGIB", "GLGRL", "GMGMB", "GNGIN", "GPGLP", "GQGNQ", "GRGRC", "GSSGS",
    "GTGTM", "GUGUM", "GWGNB", "GYGUY", "HKHKG", "HMHMD", "HNHND", "HRHRV", "HTHTI", "HUHUN",
    "IDIDN", "IEIRL", "ILISR", "IMIMN", "ININD", "IOIOT", "IQIRQ", "IRIRN", "ISISL", "ITITA",
    "JEJEY", "JMJAM", "JOJOR", "JPJPN", "KEKEN", "KGKGZ", "KHKHM", "KIKIR", "KMCOM", "KNKNA",
    "KPPRK", "KRKOR", "KWKWT", "KYCYM", "KZKAZ", "LALAO", "LBLBN", "LCLCA", "LILIE", "LKLKA",
    "LRLBR", "LSLSO", "LTLTU", "LULUX", "LVLVA", "LYLBY", "MAMAR", "MCMCO", "MDMDA", "MEMNE",
    "MFMAF", "MGMDG", "MHMHL", "MKMKD", "MLMLI", "MMMMR", "MNMNG", "MOMAC", "MPMNP", "MQMTQ",
    "MRMRT", "MSMSR", "MTMLT", "MUMUS", "MVMDV", "MWMWI", "MXMEX", "MYMYS", "MZMOZ", "NANAM",
    "NCNCL", "NENER", "NFNFK", "NGNGA", "NINIC", "NLNLD", "NONOR", "NPNPL", "NRNRU", "NUNIU",
    "NZNZL", "OMOMN", "PAPAN", "PEPER", "PFPYF", "PGPNG", "PHPHL", "PKPAK", "PLPOL", "PMSPM",
    "PNPCN", "PRPRI", "PSPSE", "PTPRT", "PWPLW", "PYPRY", "QAQAT", "REREU", "ROROU", "RSSRB",
    "RURUS", "RWRWA", "SASAU", "SBSLB", "SCSYC", "SDSDN", "SESWE", "SGSGP", "SHSHN", "SISVN",
    "SJSJM", "SKSVK", "SLSLE", "SMSMR", "SNSEN", "SOSOM", "SRSUR", "SSSSD", "STSTP", "SVSLV",
    "SXSXM", "SYSYR", "SZSWZ", "TCTCA", "TDTCD", "TFATF", "TGTGO", "THTHA", "TJTJK", "TKTKL",
    "TLTLS", "TMTKM", "TNTUN", "TOTON", "TRTUR", "TTTTO", "TVTUV", "TWTWN", "TZTZA", "UAUKR",
    "UGUGA", "UMUMI", "USUSA", "UYURY", "UZUZB", "VAVAT", "VCVCT", "VEVEN", "VGVGB", "VIVIR",
    "VNVNM", "VUVUT", "WFWLF", "WSWSM", "XKXKX", "YEYEM", "YTMYT", "ZAZAF", "ZMZMB", "ZWZWE",
};

static int cmp_alpha2(const void *key, const void *entry)
{
    return strncmp(key, entry, 2);
}

/* The alpha-3 code of an alpha-2 code, or NULL. */
static const char *alpha3_of(const char *alpha2)
{
    if (alpha2 == NULL || strlen(alpha2) != 2)
        return NULL;
    const char(*e)[6] = bsearch(alpha2, alpha3_table, sizeof alpha3_table / sizeof *alpha3_table,
                                sizeof *alpha3_table, cmp_alpha2);
    return e ? *e + 2 : NULL;
}

/* ACLED's spelling where it departs from the ISO name the gazetteer keeps
 * ("Russian Federation", "Palestine, State of"); sorted by code. */
static const struct {
    char alpha2[3];
    const char *name;
} acled_names[] = {
    {"BN", "Brunei"},
    {"CD", "Democratic Republic of Congo"},
    {"CG", "Republic of Congo"},
    {"CI", "Ivory Coast"},
    {"CV", "Cape Verde"},
    {"CZ", "Czech Republic"},
    {"FK", "Falkland Islands"},
    {"FM", "Micronesia"},
    {"PS", "Palestine"},
    {"RU", "Russia"},
    {"SZ", "eSwatini"},
    {"TL", "East Timor"},
    {"TR", "Turkey"},
    {"VA", "Vatican City"},
    {"VG", "British Virgin Islands"},
};

/* The country's name for an alpha-2 code, or NULL when unknown. */
static const char *country_name(const char *alpha2)
{
    if (alpha2 == NULL || strlen(alpha2) != 2)
        return NULL;
    for (size_t i = 0; i < sizeof acled_names / sizeof *acled_names; i++)
        if (strcmp(acled_names[i].alpha2, alpha2) == 0)
            return acled_names[i].name;
    const sr_gazetteer *g = sr_gazetteer_get();
    uint32_t id = g ? sr_gaz_country(g, alpha2) : UINT32_MAX;
    if (id == UINT32_MAX)
        return NULL;
    sr_place p;
    sr_gaz_place(g, id, &p);
    return p.name;
}

/* ---- what the other records tell about an event ---- */

/* Lookups built once from the records (jansson objects as hash tables;
 * the values are borrowed references to strings in the records). */
typedef struct export_index {
    json_t *outlet;  /* document id -> its outlet */
    json_t *parent;  /* actor name -> its parent organisation */
    json_t *feature; /* place name -> its feature code ("country", "ADM1", "PPLA") */
} export_index;

static void index_free(export_index *ix)
{
    json_decref(ix->outlet);
    json_decref(ix->parent);
    json_decref(ix->feature);
}

/* Sets key to a borrowed string unless key is there already (the first
 * record naming it wins); false when out of memory. */
static bool index_put(json_t *map, const char *key, json_t *value)
{
    if (key == NULL || !json_is_string(value) || json_object_get(map, key) != NULL)
        return true;
    return json_object_set(map, key, value) == 0;
}

static sitrep_status index_build(export_index *ix, json_t *const *recs, size_t n)
{
    ix->outlet = json_object();
    ix->parent = json_object();
    ix->feature = json_object();
    bool ok = ix->outlet && ix->parent && ix->feature;
    for (size_t i = 0; ok && i < n; i++) {
        const json_t *r = recs[i];
        if (type_is(r, "document")) {
            ok = index_put(ix->outlet, str_at(r, "id"), json_object_get(r, "outlet"));
        } else if (type_is(r, "entity")) {
            const char *name = str_at(r, "name");
            json_t *geo = json_object_get(r, "geo");
            ok = index_put(ix->parent, name, json_object_get(r, "parent"));
            ok = ok && index_put(ix->feature, name, json_object_get(geo, "feature"));
        }
    }
    if (!ok) {
        index_free(ix);
        return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

/* The parent organisation of an actor: from its entity record, else from
 * the actor knowledge base the extraction used; NULL when none. */
static const char *parent_of(const export_index *ix, const char *actor)
{
    const char *p = json_string_value(json_object_get(ix->parent, actor));
    if (p != NULL || actor == NULL)
        return p;
    for (uint32_t i = 0; i < sr_actor_count; i++)
        if (sr_actors[i].name && strcmp(sr_actors[i].name, actor) == 0)
            return sr_actors[i].parent >= 0 ? sr_actors[sr_actors[i].parent].name : NULL;
    return NULL;
}

/* ---- ACLED-style CSV ---- */

/* The header, ACLED's names in ACLED's order (a subset of its columns). */
static const char csv_header[] =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities\r\n";

/* A text cell.  Every text cell is quoted (RFC 4180: a quote inside is
 * doubled; commas, CR and LF inside quotes are data), so a reader never
 * has to guess.  A cell that starts with =, +, - or @ (or a tab or CR,
 * which some spreadsheets skip before reading one of those) gets a
 * leading apostrophe: article text is untrusted, and a spreadsheet would
 * otherwise run "=HYPERLINK(...)" as a formula (CSV injection).  The
 * apostrophe is what spreadsheets themselves use to mark text; a reader
 * that wants the original drops it. */
static bool csv_text(sr_buf *row, const char *s)
{
    if (row->len > 0 && !sr_buf_putc(row, ','))
        return false;
    if (s == NULL)
        s = "";
    bool ok = sr_buf_putc(row, '"');
    if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
        ok = ok && sr_buf_putc(row, '\'');
    for (const char *q; ok && (q = strchr(s, '"')) != NULL; s = q + 1)
        ok = sr_buf_put(row, s, (size_t)(q - s + 1)) && sr_buf_putc(row, '"');
    return ok && sr_buf_puts(row, s) && sr_buf_putc(row, '"');
}

/* A number cell, unquoted (we format it: no separator, no formula). */
static bool csv_num(sr_buf *row, const char *s)
{
    return (row->len == 0 || sr_buf_putc(row, ',')) && sr_buf_puts(row, s);
}

/* ACLED's three disorder types, from the event type; two sub-event
 * types cross over (ACLED's 2023 codebook): mob violence is political
 * violence, excessive force against protesters is both. */
static const char *disorder_of(const char *type, const char *sub)
{
    if (type == NULL)
        return "";
    if (sub && (strcmp(sub, "Excessive force against protesters") == 0 ||
                strcmp(sub, "Excessive force against protestors") == 0))
        return "Political violence; Demonstrations";
    if (sub && strcmp(sub, "Mob violence") == 0)
        return "Political violence";
    if (strcmp(type, "Battles") == 0 || strcmp(type, "Explosions/Remote violence") == 0 ||
        strcmp(type, "Violence against civilians") == 0)
        return "Political violence";
    if (strcmp(type, "Protests") == 0 || strcmp(type, "Riots") == 0)
        return "Demonstrations";
    if (strcmp(type, "Strategic developments") == 0)
        return "Strategic developments";
    return "";
}

/* ACLED's time_precision: 1 a day, 2 a week or a month (ACLED: "a
 * specific week", or days within one), 3 anything coarser; "" when the
 * event has no date. */
static const char *time_precision_of(const json_t *date)
{
    if (str_at(date, "start") == NULL)
        return "";
    const char *p = str_at(date, "precision");
    if (p && strcmp(p, "day") == 0)
        return "1";
    if (p && (strcmp(p, "week") == 0 || strcmp(p, "month") == 0))
        return "2";
    return "3";
}

static bool same_name(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* ACLED's geo_precision: 1 a town or a site, 2 a region (first- or
 * second-level subdivision), 3 a whole country.  The place's own entity
 * record says what the location is; without one, a location named as its
 * country or its admin1 is taken to be that. */
static const char *geo_precision_of(const export_index *ix, const json_t *loc, const char *country)
{
    const char *name = str_at(loc, "name");
    if (name == NULL)
        return "";
    const char *feature = json_string_value(json_object_get(ix->feature, name));
    if (feature != NULL) {
        if (strcmp(feature, "country") == 0)
            return "3";
        if (strcmp(feature, "ADM1") == 0 || strcmp(feature, "ADM2") == 0)
            return "2";
        return "1";
    }
    if (same_name(name, country))
        return "3";
    if (same_name(name, str_at(loc, "admin1")))
        return "2";
    return "1";
}

/* ACLED's actor2: the first actor after actor1 that is not actor1's
 * associated actor (the extraction lists the perpetrator, then its parent
 * organisation, then the other side). */
static const char *actor2_of(const export_index *ix, const json_t *actors)
{
    const char *a1 = json_string_value(json_array_get(actors, 0));
    const char *parent = parent_of(ix, a1);
    for (size_t i = 1; i < json_array_size(actors); i++) {
        const char *a = json_string_value(json_array_get(actors, i));
        if (a && !same_name(a, a1) && !same_name(a, parent))
            return a;
    }
    return "";
}

/* ACLED's source: the outlets of the event's documents, or a document's id
 * when its outlet is unknown, each once, joined with "; ". */
static bool source_of(const export_index *ix, const json_t *docs, sr_buf *out)
{
    out->len = 0;
    for (size_t i = 0; i < json_array_size(docs); i++) {
        const char *id = json_string_value(json_array_get(docs, i));
        const char *s = json_string_value(json_object_get(ix->outlet, id ? id : ""));
        if (s == NULL)
            s = id;
        if (s == NULL || s[0] == '\0')
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            const char *id2 = json_string_value(json_array_get(docs, j));
            const char *s2 = json_string_value(json_object_get(ix->outlet, id2 ? id2 : ""));
            seen = same_name(s, s2 ? s2 : id2);
        }
        if (seen)
            continue;
        if (out->len > 0 && !sr_buf_puts(out, "; "))
            return false;
        if (!sr_buf_puts(out, s))
            return false;
    }
    return sr_buf_putc(out, '\0');
}

/* The number of a country's next event: per alpha-2 code, a slot for
 * "no known country" at the end. */
#define COUNTRY_SLOTS (26 * 26 + 1)

static size_t country_slot(const char *alpha2)
{
    if (alpha3_of(alpha2) == NULL)
        return COUNTRY_SLOTS - 1;
    return (size_t)(alpha2[0] - 'A') * 26 + (size_t)(alpha2[1] - 'A');
}

/* One row for an event record into `row` (cleared first). */
static bool csv_event_row(const export_index *ix, const json_t *ev, unsigned long *counts,
                          sr_buf *row, sr_buf *scratch)
{
    const json_t *loc = json_object_get(ev, "location");
    const json_t *date = json_object_get(ev, "date");
    const json_t *actors = json_object_get(ev, "actors");
    const char *cc = str_at(loc, "country");
    const char *a3 = alpha3_of(cc);
    const char *country = country_name(cc);
    const char *start = str_at(date, "start");
    const char *type = str_at(ev, "event_type");
    const char *sub = str_at(ev, "sub_event_type");
    char id[32], year[8] = "", lat[32] = "", lon[32] = "", fat[32];
    double la, lo, low;

    /* event_id_cnty: ISO alpha-3 and a number counted per country in the
     * order given; "XXX" (ICAO's code for an unspecified nationality)
     * when the country is unknown */
    snprintf(id, sizeof id, "%s%lu", a3 ? a3 : "XXX", ++counts[country_slot(cc)]);
    if (start && strlen(start) >= 4 && strspn(start, "0123456789") >= 4)
        snprintf(year, sizeof year, "%.4s", start);
    if (coords_of(loc, &la, &lo)) {
        snprintf(lat, sizeof lat, "%.4f", round4(la));
        snprintf(lon, sizeof lon, "%.4f", round4(lo));
    }
    /* ACLED counts the reported dead, the lowest figure when reports
     * differ; none reported is 0 */
    const json_t *f = json_object_get(ev, "fatalities");
    if (!num_at(f, "low", &low) || low < 0)
        low = 0;
    snprintf(fat, sizeof fat, "%.0f", floor(low < 1e15 ? low : 1e15));
    const json_t *sources = json_object_get(ev, "sources");

    row->len = 0;
    bool ok = csv_text(row, id);
    ok = ok && csv_text(row, start);
    ok = ok && csv_num(row, year);
    ok = ok && csv_num(row, time_precision_of(date));
    ok = ok && csv_text(row, disorder_of(type, sub));
    ok = ok && csv_text(row, type);
    ok = ok && csv_text(row, sub);
    ok = ok && csv_text(row, json_string_value(json_array_get(actors, 0)));
    ok = ok && csv_text(row, actor2_of(ix, actors));
    ok = ok && csv_text(row, country);
    ok = ok && csv_text(row, str_at(loc, "admin1"));
    ok = ok && csv_text(row, str_at(loc, "name"));
    ok = ok && csv_num(row, lat);
    ok = ok && csv_num(row, lon);
    ok = ok && csv_num(row, geo_precision_of(ix, loc, country));
    ok = ok && source_of(ix, json_object_get(ev, "documents"), scratch);
    ok = ok && csv_text(row, scratch->data);
    ok = ok && csv_text(row, "Other");
    ok = ok && csv_text(row, str_at(json_array_get(sources, 0), "quote"));
    ok = ok && csv_num(row, fat);
    /* RFC 4180 ends a record with CRLF; a LF inside a quoted note stays
     * as written */
    return ok && sr_buf_puts(row, "\r\n");
}

sitrep_status sr_export_acled_csv(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    if (write == NULL || (recs == NULL && n > 0))
        return SITREP_EARG;
    export_index ix;
    sitrep_status st = index_build(&ix, recs, n);
    if (st != SITREP_OK)
        return st;
    unsigned long *counts = calloc(COUNTRY_SLOTS, sizeof *counts);
    sr_buf row, scratch;
    sr_buf_init(&row, NULL);
    sr_buf_init(&scratch, NULL);
    if (counts == NULL)
        st = SITREP_ENOMEM;
    else if (write(csv_header, sizeof csv_header - 1, ctx) != 0)
        st = SITREP_EIO;
    for (size_t i = 0; st == SITREP_OK && i < n; i++) {
        if (!type_is(recs[i], "event"))
            continue;
        if (!csv_event_row(&ix, recs[i], counts, &row, &scratch))
            st = SITREP_ENOMEM;
        else if (write(row.data, row.len, ctx) != 0)
            st = SITREP_EIO;
    }
    sr_buf_free(&row);
    sr_buf_free(&scratch);
    free(counts);
    index_free(&ix);
    return st;
}

/* ---- GeoJSON ---- */

static bool put(json_t *o, const char *key, json_t *value)
{
    return value != NULL && json_object_set_new(o, key, value) == 0;
}

/* Sets key to a borrowed value of a record, or null when it has none. */
static bool put_copy(json_t *o, const char *key, json_t *value)
{
    return put(o, key, value ? json_incref(value) : json_null());
}

/* A Feature with a Point geometry, or NULL when out of memory; takes
 * `props`.  RFC 7946 orders a position longitude first. */
static json_t *point_feature(json_t *id, double lat, double lon, json_t *props)
{
    json_t *f = json_object(), *geom = json_object(), *coords = json_array();
    bool ok = f && geom && coords && props;
    ok = ok && json_array_append_new(coords, json_real(round4(lon))) == 0;
    ok = ok && json_array_append_new(coords, json_real(round4(lat))) == 0;
    if (!ok) {
        json_decref(f);
        json_decref(geom);
        json_decref(coords);
        json_decref(props);
        return NULL;
    }
    /* put() hands each container over even when it fails: evaluate every
     * call, then judge */
    ok = put(f, "type", json_string("Feature"));
    if (json_is_string(id)) /* RFC 7946 3.2: a feature may carry an id */
        ok = put_copy(f, "id", id) && ok;
    ok = put(geom, "type", json_string("Point")) && ok;
    ok = put(geom, "coordinates", coords) && ok;
    ok = put(f, "geometry", geom) && ok;
    ok = put(f, "properties", props) && ok;
    if (!ok) {
        json_decref(f);
        return NULL;
    }
    return f;
}

/* An event as a feature; *skip when it has no coordinates. */
static json_t *event_feature(const json_t *ev, bool *skip)
{
    const json_t *loc = json_object_get(ev, "location");
    double lat, lon;
    *skip = !coords_of(loc, &lat, &lon);
    if (*skip)
        return NULL;
    const json_t *date = json_object_get(ev, "date");
    const json_t *f = json_object_get(ev, "fatalities");
    json_t *p = json_object();
    bool ok = p && put(p, "kind", json_string("event"));
    ok = ok && put_copy(p, "id", json_object_get(ev, "id"));
    ok = ok && put_copy(p, "event_type", json_object_get(ev, "event_type"));
    ok = ok && put_copy(p, "sub_event_type", json_object_get(ev, "sub_event_type"));
    ok = ok && put_copy(p, "date_start", json_object_get(date, "start"));
    ok = ok && put_copy(p, "date_end", json_object_get(date, "end"));
    ok = ok && put_copy(p, "date_precision", json_object_get(date, "precision"));
    ok = ok && put_copy(p, "location", json_object_get(loc, "name"));
    ok = ok && put_copy(p, "country", json_object_get(loc, "country"));
    ok = ok && put_copy(p, "admin1", json_object_get(loc, "admin1"));
    ok = ok && put_copy(p, "actors", json_object_get(ev, "actors"));
    ok = ok && put_copy(p, "fatalities_low", json_object_get(f, "low"));
    ok = ok && put_copy(p, "fatalities_high", json_object_get(f, "high"));
    ok = ok && put_copy(p, "fatalities_qualifier", json_object_get(f, "qualifier"));
    ok = ok && put_copy(p, "documents", json_object_get(ev, "documents"));
    if (!ok) {
        json_decref(p);
        return NULL;
    }
    return point_feature(json_object_get(ev, "id"), lat, lon, p);
}

/* A place entity as a feature; *skip when it is none or has no coordinates. */
static json_t *place_feature(const json_t *ent, bool *skip)
{
    const json_t *geo = json_object_get(ent, "geo");
    const char *kind = str_at(ent, "kind");
    double lat, lon;
    *skip = kind == NULL || strcmp(kind, "place") != 0 || !coords_of(geo, &lat, &lon);
    if (*skip)
        return NULL;
    json_t *p = json_object();
    bool ok = p && put(p, "kind", json_string("place"));
    ok = ok && put_copy(p, "id", json_object_get(ent, "id"));
    ok = ok && put_copy(p, "name", json_object_get(ent, "name"));
    ok = ok && put_copy(p, "country", json_object_get(geo, "country"));
    ok = ok && put_copy(p, "admin1", json_object_get(geo, "admin1"));
    ok = ok && put_copy(p, "feature", json_object_get(geo, "feature"));
    ok = ok && put(p, "document_count",
                   json_integer((json_int_t)json_array_size(json_object_get(ent, "documents"))));
    if (!ok) {
        json_decref(p);
        return NULL;
    }
    return point_feature(json_object_get(ent, "id"), lat, lon, p);
}

/* Streams the FeatureCollection a feature a line, in the records' order
 * (places come before the events, so a map draws events on top). */
sitrep_status sr_export_geojson(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx)
{
    if (write == NULL || (recs == NULL && n > 0))
        return SITREP_EARG;
    static const char head[] = "{\"type\":\"FeatureCollection\",\"features\":[";
    if (write(head, sizeof head - 1, ctx) != 0)
        return SITREP_EIO;
    sitrep_status st = SITREP_OK;
    sr_buf line;
    sr_buf_init(&line, NULL);
    size_t written = 0;
    for (size_t i = 0; st == SITREP_OK && i < n; i++) {
        bool skip = true;
        json_t *f = NULL;
        if (type_is(recs[i], "event"))
            f = event_feature(recs[i], &skip);
        else if (type_is(recs[i], "entity"))
            f = place_feature(recs[i], &skip);
        if (skip)
            continue;
        line.len = 0;
        bool ok = f != NULL && sr_buf_puts(&line, written ? ",\n" : "\n") &&
                  json_dump_callback(f, sr_buf_write_cb, &line, EXPORT_JSON_FLAGS) == 0;
        json_decref(f);
        if (!ok)
            st = SITREP_ENOMEM;
        else if (write(line.data, line.len, ctx) != 0)
            st = SITREP_EIO;
        written++;
    }
    sr_buf_free(&line);
    if (st == SITREP_OK && write("\n]}\n", 4, ctx) != 0)
        st = SITREP_EIO;
    return st;
}
