/*
 * outlets.c -- lookups in the compiled outlet tables (see outlets.h).
 */
#include "clean/outlets.h"

#include "core/core.h"

#include <string.h>

static const sr_outlet_key *find(const sr_outlet_key *t, size_t count, const char *key)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t[mid].key, key);
        if (c == 0)
            return &t[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static bool lower_copy(const char *s, size_t n, char *out, size_t cap)
{
    if (n == 0 || n >= cap)
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    out[n] = '\0';
    return true;
}

const char *sr_outlet_lookup(const char *s, size_t n)
{
    char key[96];
    sr_trim(&s, &n);
    if (!lower_copy(s, n, key, sizeof key))
        return NULL;
    const sr_outlet_key *k = find(sr_outlet_names, sr_outlet_names_count, key);
    if (!k && n > 4 && memcmp(key, "the ", 4) == 0)
        k = find(sr_outlet_names, sr_outlet_names_count, key + 4);
    if (!k) {
        char with[100] = "the ";
        memcpy(with + 4, key, n + 1);
        k = find(sr_outlet_names, sr_outlet_names_count, with);
    }
    return k ? sr_outlet_canon[k->canon] : NULL;
}

const char *sr_outlet_from_url(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    size_t n = strcspn(p, "/:?#");
    char host[256];
    if (!lower_copy(p, n, host, sizeof host))
        return NULL;
    const char *h = host;
    while (h) {
        const sr_outlet_key *k = find(sr_outlet_hosts, sr_outlet_hosts_count, h);
        if (k)
            return sr_outlet_canon[k->canon];
        h = strchr(h, '.');
        if (h) {
            h++;
            if (!strchr(h, '.'))
                break; /* never match a bare TLD */
        }
    }
    return NULL;
}

bool sr_outlet_like(const char *s, size_t n)
{
    static const char *const words[] = {
        "news", "press", "agency", "times", "post", "journal", "herald", "tribune",
        "guardian", "network", "media", "wire", "daily", "gazette", "observer", "monitor",
        "radio", "television", "broadcasting", "magazine", "examiner", "telegraph",
        "chronicle", "express", "review", "report", "today", "online", NULL};
    sr_trim(&s, &n);
    if (n < 2 || n > 60 || !(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == b)
            break;
        /* Every word of an outlet name is capitalised (or "of", "and"). */
        if (!(s[b] >= 'A' && s[b] <= 'Z') && !(s[b] >= '0' && s[b] <= '9') &&
            !sr_ieq(s + b, i - b, "of") && !sr_ieq(s + b, i - b, "and") &&
            !sr_ieq(s + b, i - b, "the"))
            return false;
        for (size_t k = 0; words[k]; k++)
            if (sr_ieq(s + b, i - b, words[k]))
                return true;
    }
    return false;
}
