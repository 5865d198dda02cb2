/*
 * mkactors.c -- build-time generator: compiles the actor knowledge base
 * and the person titles into C tables (src/data/actors.h).
 *
 *   mkactors OUT.c ACTORS.tsv TITLES.txt
 *
 * ACTORS.tsv: '#' comments; five TAB-separated fields per line:
 *   canonical  kind  country  parent  aliases
 * kind is armed_group, organization, government, military or media;
 * country an ISO alpha-2 code or '-'; parent the canonical name of another
 * line or '-'; aliases '|'-separated or '-'.  An alias in capitals (no
 * lower-case letter) is matched case-sensitively.
 * TITLES.txt: one title per line ("Brig. Gen.", "spokesman").
 *
 * Every name is hashed with sr_namekey_of (src/data/namekey.c), the same
 * function the matcher uses on the text, so the two cannot drift apart.
 * Errors (bad kind, unknown parent, duplicate canonical name) stop the
 * build with the file and line.
 */
#include "namekey.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ACTORS 8192
#define MAX_ALIASES 65536

static const char *const kinds[] = {NULL,         "armed_group", "organization", "government",
                                    "military",   "person",      "place",        "media"};

typedef struct actor {
    char *name, *kind_s, *country, *parent_s;
    int kind, parent;
} actor;

typedef struct alias {
    uint64_t key;
    int actor;
    char *text;
    bool exact;
} alias;

static actor actors[MAX_ACTORS];
static int nactors;
static alias aliases[MAX_ALIASES];
static int naliases;

static void die(const char *file, int line, const char *what)
{
    fprintf(stderr, "mkactors: %s:%d: %s\n", file, line, what);
    exit(1);
}

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        fprintf(stderr, "mkactors: out of memory\n");
        exit(1);
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Splits line in place at TABs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static bool has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return true;
    return false;
}

static bool mixed_acronym(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 5 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    bool inner = false;
    for (size_t i = 1; i < n; i++) {
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return false;
        inner = inner || (s[i] >= 'A' && s[i] <= 'Z');
    }
    return inner;
}

static void add_alias(const char *file, int lineno, int a, const char *text)
{
    uint64_t key = sr_namekey_of(text, strlen(text));
    if (key == 0)
        die(file, lineno, "an alias has no letters");
    /* an acronym must be spelled as listed: all capitals ("ISIL"), or a
     * short word with a capital inside ("CoE", "MoD"), which a name such
     * as "Coe" must not match */
    bool exact = !has_lower(text) || mixed_acronym(text);
    for (int i = 0; i < naliases; i++)
        if (aliases[i].key == key && aliases[i].actor == a &&
            (aliases[i].exact == exact && (!exact || strcmp(aliases[i].text, text) == 0)))
            return; /* same name twice for one actor */
    if (naliases == MAX_ALIASES)
        die(file, lineno, "too many aliases");
    aliases[naliases++] = (alias){key, a, dup_range(text, strlen(text)), exact};
}

static void read_actors(const char *file)
{
    FILE *in = fopen(file, "r");
    if (!in) {
        fprintf(stderr, "mkactors: cannot open %s\n", file);
        exit(1);
    }
    char line[8192];
    int lineno = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[6];
        if (split_tabs(line, f, 6) != 5)
            die(file, lineno, "expected 5 TAB-separated fields");
        if (nactors == MAX_ACTORS)
            die(file, lineno, "too many actors");
        actor *a = &actors[nactors];
        a->name = dup_range(f[0], strlen(f[0]));
        a->kind = 0;
        for (int k = 1; k < (int)(sizeof kinds / sizeof *kinds); k++)
            if (kinds[k] && strcmp(f[1], kinds[k]) == 0)
                a->kind = k;
        if (a->kind == 0 || a->kind == 5 || a->kind == 6)
            die(file, lineno, "unknown kind");
        if (strcmp(f[2], "-") != 0 && strlen(f[2]) != 2)
            die(file, lineno, "country must be an alpha-2 code or -");
        a->country = dup_range(f[2], strcmp(f[2], "-") ? 2 : 0);
        a->parent_s = dup_range(f[3], strlen(f[3]));
        for (int i = 0; i < nactors; i++)
            if (strcmp(actors[i].name, a->name) == 0)
                die(file, lineno, "duplicate canonical name");
        add_alias(file, lineno, nactors, a->name);
        if (strcmp(f[4], "-") != 0) {
            char *p = f[4];
            while (*p) {
                size_t n = strcspn(p, "|");
                if (n) {
                    char *t = dup_range(p, n);
                    add_alias(file, lineno, nactors, t);
                    free(t);
                }
                p += n;
                if (*p == '|')
                    p++;
            }
        }
        nactors++;
    }
    fclose(in);
    for (int i = 0; i < nactors; i++) {
        actors[i].parent = -1;
        if (strcmp(actors[i].parent_s, "-") == 0)
            continue;
        for (int j = 0; j < nactors; j++)
            if (strcmp(actors[j].name, actors[i].parent_s) == 0)
                actors[i].parent = j;
        if (actors[i].parent < 0) {
            fprintf(stderr, "mkactors: %s: %s: unknown parent %s\n", file, actors[i].name,
                    actors[i].parent_s);
            exit(1);
        }
    }
}

static void put_cstring(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\%03o", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static size_t table_size(size_t n)
{
    size_t slots = 16;
    while (slots * 3 < n * 5)
        slots <<= 1;
    return slots;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: mkactors OUT.c ACTORS.tsv TITLES.txt\n");
        return 2;
    }
    read_actors(argv[2]);

    FILE *out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "mkactors: cannot write %s\n", argv[1]);
        return 1;
    }
    fprintf(out, "/* Generated by tools/mkactors.c from %s; do not edit. */\n"
                 "#include \"actors.h\"\n\n",
            argv[2]);
    fprintf(out, "const sr_actor sr_actors[] = {\n");
    for (int i = 0; i < nactors; i++) {
        fputs("    {", out);
        put_cstring(out, actors[i].name);
        fprintf(out, ", %d, \"%s\", %d},\n", actors[i].kind, actors[i].country, actors[i].parent);
    }
    fprintf(out, "};\nconst uint32_t sr_actor_count = %d;\n\n", nactors);

    /* Aliases: open addressing by key, inserted in file order so the first
     * actor listed for a shared name is probed first. */
    size_t slots = table_size((size_t)naliases);
    int *slot = malloc(slots * sizeof *slot);
    for (size_t i = 0; i < slots; i++)
        slot[i] = -1;
    for (int i = 0; i < naliases; i++) {
        size_t s = (size_t)(aliases[i].key & (slots - 1));
        while (slot[s] >= 0)
            s = (s + 1) & (slots - 1);
        slot[s] = i;
    }
    fprintf(out, "const sr_actor_alias sr_actor_aliases[%zu] = {\n", slots);
    for (size_t s = 0; s < slots; s++) {
        if (slot[s] < 0) {
            fputs("    {0, 0, 0},\n", out);
            continue;
        }
        alias *a = &aliases[slot[s]];
        fprintf(out, "    {0x%016llxull, %d, ", (unsigned long long)a->key, a->actor);
        if (a->exact)
            put_cstring(out, a->text);
        else
            fputs("0", out);
        fputs("},\n", out);
    }
    fprintf(out, "};\nconst uint32_t sr_actor_alias_mask = %zuu;\n\n", slots - 1);
    free(slot);

    /* Titles. */
    FILE *in = fopen(argv[3], "r");
    if (!in) {
        fprintf(stderr, "mkactors: cannot open %s\n", argv[3]);
        return 1;
    }
    char line[512];
    char *titles[4096];
    uint64_t keys[4096];
    int ntitles = 0, max_units = 1, lineno = 0;
    while (fgets(line, sizeof line, in)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        uint64_t key = sr_namekey_of(line, strlen(line));
        if (key == 0)
            die(argv[3], lineno, "a title has no letters");
        bool dup = false;
        for (int i = 0; i < ntitles; i++)
            if (keys[i] == key) {
                dup = true;
                /* "Commander" and "commander": the role noun form wins */
                if (line[0] >= 'a' && line[0] <= 'z')
                    titles[i][0] = line[0];
            }
        if (dup)
            continue;
        if (ntitles == 4096)
            die(argv[3], lineno, "too many titles");
        int units = 1;
        for (const char *p = line; *p; p++)
            units += (*p == ' ' || *p == '-');
        if (units > max_units)
            max_units = units;
        keys[ntitles] = key;
        titles[ntitles++] = dup_range(line, strlen(line));
    }
    fclose(in);
    /* Every proper prefix of a multi-word title goes in too, with no text,
     * so the matcher stops as soon as no title can begin with the words
     * it has read ("Brig." for "Brig. Gen."). */
    int nreal = ntitles;
    for (int i = 0; i < nreal; i++) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s", titles[i]);
        for (char *p = buf + strlen(buf); p > buf; p--) {
            if (*p != ' ' && *p != '-')
                continue;
            uint64_t pk = sr_namekey_of(buf, (size_t)(p - buf));
            bool seen = false;
            for (int j = 0; j < ntitles; j++)
                seen = seen || keys[j] == pk;
            if (seen || pk == 0 || ntitles == 4096)
                continue;
            keys[ntitles] = pk;
            titles[ntitles++] = NULL;
        }
    }
    size_t tslots = table_size((size_t)ntitles);
    int *ts = malloc(tslots * sizeof *ts);
    for (size_t i = 0; i < tslots; i++)
        ts[i] = -1;
    for (int i = 0; i < ntitles; i++) {
        size_t s = (size_t)(keys[i] & (tslots - 1));
        while (ts[s] >= 0)
            s = (s + 1) & (tslots - 1);
        ts[s] = i;
    }
    fprintf(out, "const sr_title sr_titles[%zu] = {\n", tslots);
    for (size_t s = 0; s < tslots; s++) {
        if (ts[s] < 0) {
            fputs("    {0, 0, 0},\n", out);
            continue;
        }
        fprintf(out, "    {0x%016llxull, ", (unsigned long long)keys[ts[s]]);
        if (titles[ts[s]] == NULL) {
            fputs("0, 0},\n", out); /* a prefix only */
            continue;
        }
        put_cstring(out, titles[ts[s]]);
        fprintf(out, ", %d},\n", titles[ts[s]][0] >= 'a' && titles[ts[s]][0] <= 'z');
    }
    fprintf(out, "};\nconst uint32_t sr_title_mask = %zuu;\nconst uint8_t sr_title_max_units = %d;\n",
            tslots - 1, max_units);
    free(ts);
    if (fclose(out) != 0)
        return 1;
    printf("mkactors: %d actors, %d names, %d titles\n", nactors, naliases, nreal);
    return 0;
}
