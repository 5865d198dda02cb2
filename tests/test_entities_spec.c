/*
 * test_entities_spec.c -- runs the entity spec (tests/fixtures/entities.spec),
 * cmark style: each case holds a short article and the entities expected
 * in sitrep's `entity` records for it.
 *
 *   test_entities_spec TESTS_DIR [CASE-NAME-SUBSTRING]
 *
 * Format:
 *   ### name
 *   article text
 *   .
 *   kind | name | attr=value; attr=value      an entity that must be there
 *   ! kind | name | attr=value                 one that must not
 *   ? kind | name | attr=value                 a known gap: reported, not failed
 *   .
 * `name` matches the canonical name or any alias (surface form); kind
 * `any` matches every kind.  Attributes: alias=X, country=XX, admin1=XX-YY,
 * role~word, parent=Name, mentions=N, feature=CODE, near=LAT,LON (0.5
 * degrees), quote=X (some mention's bytes are X).  The check is a subset check: entities not listed are allowed.
 */
#include "sitrep.h"
#include "spec.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>


static bool has_alias(json_t *ent, const char *name)
{
    if (strcmp(json_string_value(json_object_get(ent, "name")), name) == 0)
        return true;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(ent, "aliases"), i, a)
    {
        if (strcmp(json_string_value(a), name) == 0)
            return true;
    }
    return false;
}

static bool ci_contains(const char *hay, const char *needle)
{
    if (!hay)
        return false;
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && tolower((unsigned char)hay[k]) == tolower((unsigned char)needle[k]))
            k++;
        if (k == n)
            return true;
    }
    return false;
}

static const char *str_field(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* Does the entity satisfy one attribute? */
static bool attr_ok(json_t *ent, const char *attr, char *why, size_t whylen)
{
    json_t *geo = json_object_get(ent, "geo");
    const char *eq = strpbrk(attr, "=~");
    if (!eq) {
        snprintf(why, whylen, "bad attribute '%s'", attr);
        return false;
    }
    char key[32];
    size_t kn = (size_t)(eq - attr);
    if (kn >= sizeof key)
        kn = sizeof key - 1;
    memcpy(key, attr, kn);
    key[kn] = '\0';
    const char *val = eq + 1;
    bool ok = false;
    if (strcmp(key, "alias") == 0) {
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(ent, "aliases"), i, a)
        {
            ok = ok || strcmp(json_string_value(a), val) == 0;
        }
    } else if (strcmp(key, "country") == 0) {
        const char *c = str_field(ent, "country");
        ok = c && strcmp(c, val) == 0;
    } else if (strcmp(key, "admin1") == 0) {
        const char *c = geo ? str_field(geo, "admin1_code") : NULL;
        ok = c && strcmp(c, val) == 0;
    } else if (strcmp(key, "role") == 0) {
        ok = ci_contains(str_field(ent, "role"), val);
    } else if (strcmp(key, "parent") == 0) {
        const char *c = str_field(ent, "parent");
        ok = c && strcmp(c, val) == 0;
    } else if (strcmp(key, "mentions") == 0) {
        ok = (long)json_array_size(json_object_get(ent, "mentions")) == strtol(val, NULL, 10);
    } else if (strcmp(key, "quote") == 0) {
        size_t i;
        json_t *m;
        json_array_foreach(json_object_get(ent, "mentions"), i, m)
        {
            const char *q = str_field(m, "quote");
            ok = ok || (q && strcmp(q, val) == 0);
        }
    } else if (strcmp(key, "feature") == 0) {
        const char *c = geo ? str_field(geo, "feature") : NULL;
        ok = c && strcmp(c, val) == 0;
    } else if (strcmp(key, "near") == 0) {
        double lat = 0, lon = 0;
        if (geo && sscanf(val, "%lf,%lf", &lat, &lon) == 2 &&
            json_is_number(json_object_get(geo, "lat"))) {
            double la = json_number_value(json_object_get(geo, "lat"));
            double lo = json_number_value(json_object_get(geo, "lon"));
            ok = fabs(la - lat) <= 0.5 && fabs(lo - lon) <= 0.5;
        }
    } else {
        snprintf(why, whylen, "unknown attribute '%s'", key);
        return false;
    }
    if (!ok)
        snprintf(why, whylen, "%s", attr);
    return ok;
}

/* Does some entity match the line (kind | name | attrs)?  `why` gets the
 * closest miss. */
static bool line_matches(json_t *ents, char *line, char *why, size_t whylen)
{
    char *f[3] = {line, NULL, NULL};
    for (int i = 1; i < 3; i++) {
        char *bar = f[i - 1] ? strchr(f[i - 1], '|') : NULL;
        if (bar) {
            *bar = '\0';
            f[i] = bar + 1;
        }
    }
    const char *kind = spec_trim(f[0]);
    const char *name = f[1] ? spec_trim(f[1]) : "";
    char *attrs = f[2] ? spec_trim(f[2]) : NULL;
    snprintf(why, whylen, "no %s named '%s'", kind, name);
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e)
    {
        if (strcmp(kind, "any") != 0 && strcmp(kind, str_field(e, "kind")) != 0)
            continue;
        if (!has_alias(e, name))
            continue;
        bool all = true;
        if (attrs && *attrs) {
            char copy[512];
            snprintf(copy, sizeof copy, "%s", attrs);
            for (char *save = NULL, *a = strtok_r(copy, ";", &save); a && all;
                 a = strtok_r(NULL, ";", &save)) {
                char w[256];
                if (!attr_ok(e, spec_trim(a), w, sizeof w)) {
                    all = false;
                    snprintf(why, whylen, "%s '%s' found (%s) but not %s", str_field(e, "kind"),
                             name, str_field(e, "name"), w);
                }
            }
        }
        if (all)
            return true;
    }
    return false;
}

static void dump_entities(json_t *ents)
{
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e)
    {
        char *s = json_dumps(e, JSON_COMPACT);
        /* drop the mention spans, which are long */
        char *m = s ? strstr(s, ",\"mentions\"") : NULL;
        if (m)
            strcpy(m, "}");
        fprintf(stderr, "    %s\n", s ? s : "?");
        free(s);
    }
}

static bool match_entity(void *ents, char *body, bool neg, char *why, size_t whylen)
{
    (void)neg;
    return line_matches(ents, body, why, whylen);
}

static void run_case(const char *name, char *input, char *expect)
{
    sitrep_doc *doc = NULL;
    sitrep_corpus *corpus = NULL;
    sbuf out = {0};
    bool ok = sitrep_doc_from_memory("case", input, strlen(input), NULL, NULL, &doc) == SITREP_OK &&
              sitrep_corpus_new(NULL, &corpus) == SITREP_OK &&
              sitrep_corpus_add(corpus, doc) == SITREP_OK &&
              sitrep_corpus_write_json(corpus, 0, sbuf_write, &out) == SITREP_OK;
    CHECK(ok);
    json_t *ents = json_array();
    for (char *save = NULL, *l = out.p ? strtok_r(out.p, "\n", &save) : NULL; l;
         l = strtok_r(NULL, "\n", &save)) {
        json_t *o = json_loads(l, 0, NULL);
        if (o && strcmp(str_field(o, "type"), "entity") == 0)
            json_array_append_new(ents, o);
        else
            json_decref(o);
    }
    bool failed = spec_check(name, expect, match_entity, ents);
    if (failed && getenv("SPEC_VERBOSE"))
        dump_entities(ents);
    json_decref(ents);
    free(out.p);
    sitrep_corpus_free(corpus);
    sitrep_doc_free(doc);
}

/* A photo caption is not article text, but its places are the article's:
 * they are found, and the body's sentences and tokens are untouched. */
static void caption_case(void)
{
    const char *text = "Floods cut the main road south of the capital\n\n"
                       "Heavy rain washed away two bridges on Monday, officials said.\n\n"
                       "FILE - Residents wade through water in central Beledweyne, Somalia, on "
                       "May 3, 2023. (AP Photo/Staff, File)\n\n"
                       "Aid agencies said thousands of families had left their homes.\n";
    sitrep_doc *doc = NULL;
    CHECK(sitrep_doc_from_memory("cap", text, strlen(text), NULL, NULL, &doc) == SITREP_OK);
    if (!doc)
        return;
    size_t nt, ns, nm;
    sitrep_doc_tokens(doc, &nt);
    const sitrep_sentence *sen = sitrep_doc_sentences(doc, &ns);
    for (size_t i = 0; i < ns; i++)
        CHECK((size_t)sen[i].first + sen[i].count <= nt);
    const sitrep_mention *m = sitrep_doc_mentions(doc, &nm);
    bool found = false;
    for (size_t i = 0; i < nm; i++) {
        CHECK(m[i].span.end <= strlen(text));
        /* the place's own name inside its mention ("central Beledweyne,
         * Somalia") */
        sitrep_span nm_ = m[i].name.end > m[i].name.start ? m[i].name : m[i].span;
        found = found || (nm_.end - nm_.start == 10 && memcmp(text + nm_.start, "Beledweyne", 10) == 0);
    }
    CHECK(found);
    sitrep_doc_free(doc);
}

int main(int argc, char **argv)
{
    caption_case();
    if (!spec_run(argc, argv, "entities.spec", 80, run_case))
        return 1;
    return test_summary();
}
