/*
 * dates.c -- parsing of absolute dates (see dates.h).
 */
#include "core/dates.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static int days_in_month(int y, int m);

static const char *const month_names[12] = {"january", "february", "march", "april",
                                            "may", "june", "july", "august",
                                            "september", "october", "november", "december"};

static bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static bool is_dig(char c) { return c >= '0' && c <= '9'; }

/* Index of the name in names[0..count) whose first three letters are
 * those of s (any case), or -1. */
static int index_by_prefix(const char *const *names, int count, const char *s)
{
    char a = (char)(s[0] | 0x20), b = (char)(s[1] | 0x20), c = (char)(s[2] | 0x20);
    for (int k = 0; k < count; k++)
        if (names[k][0] == a && names[k][1] == b && names[k][2] == c)
            return k;
    return -1;
}

int sr_month_number(const char *s, size_t n)
{
    if (n < 3 || n > 9)
        return 0;
    int m = index_by_prefix(month_names, 12, s);
    if (m < 0)
        return 0;
    /* the full name, or Jan/Feb/.../Sep/Sept ("May" is only the full name) */
    if (n == strlen(month_names[m]))
        return strncasecmp(s, month_names[m], n) == 0 ? m + 1 : 0;
    if (m != 4 && (n == 3 || (n == 4 && m == 8 && (s[3] | 0x20) == 't')))
        return m + 1;
    return 0;
}

int sr_days_in_month(int y, int m)
{
    return days_in_month(y, m);
}

static int days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static bool valid(int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && (d == 0 || (d >= 1 && d <= days_in_month(y, m)));
}

/* Reads 1..max digits; returns the count read. */
static size_t digits(const char *s, size_t n, size_t max, int *v)
{
    size_t i = 0;
    int x = 0;
    while (i < n && i < max && is_dig(s[i]))
        x = x * 10 + (s[i++] - '0');
    if (i < n && is_dig(s[i]))
        return 0; /* too many digits */
    *v = x;
    return i;
}

static size_t word(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_alpha(s[i]))
        i++;
    return i;
}

static size_t spaces(const char *s, size_t n, size_t i)
{
    /* spaces, tabs and no-break spaces (C2 A0) */
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* Monday, Mon, Tues, Thur, Thurs ... matched by the first three letters. */
int sr_weekday_number(const char *s, size_t n)
{
    static const char *const days[7] = {"monday", "tuesday", "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    if (n < 3 || n > 9)
        return 0;
    int d = index_by_prefix(days, 7, s);
    if (d < 0)
        return 0;
    return (n == strlen(days[d]) || n == 3 || (n == 4 && (d == 1 || d == 3)) ||
            (n == 5 && d == 3)) &&
                   strncasecmp(s, days[d], n) == 0
               ? d + 1
               : 0;
}

bool sr_weekday_name(const char *s, size_t n)
{
    return sr_weekday_number(s, n) != 0;
}

/* Month D[,] YYYY  |  Month YYYY */
static bool month_first(const char *s, size_t n, sr_date *d, size_t *used)
{
    size_t w = word(s, n);
    int m = sr_month_number(s, w);
    if (!m)
        return false;
    size_t i = w;
    if (i < n && s[i] == '.')
        i++;
    i = spaces(s, n, i);
    int day = 0, year = 0;
    size_t k = digits(s + i, n - i, 4, &day);
    if (k == 4) { /* "July 2024" */
        if (!valid(day, m, 0))
            return false;
        *d = (sr_date){day, m, 0};
        *used = i + k;
        return true;
    }
    if (k == 0 || k > 2)
        return false;
    i += k;
    if (i + 1 < n && is_alpha(s[i]) && is_alpha(s[i + 1])) /* 17th */
        i += 2;
    if (i < n && s[i] == ',')
        i++;
    i = spaces(s, n, i);
    k = digits(s + i, n - i, 4, &year);
    if (k != 4 || !valid(year, m, day))
        return false;
    *d = (sr_date){year, m, day};
    *used = i + k;
    return true;
}

/* D Month YYYY */
static bool day_first(const char *s, size_t n, sr_date *d, size_t *used)
{
    int day, year;
    size_t k = digits(s, n, 2, &day);
    if (k == 0)
        return false;
    size_t i = k;
    if (i + 1 < n && is_alpha(s[i]) && is_alpha(s[i + 1]) && !sr_month_number(s + i, word(s + i, n - i)))
        i += 2; /* 17th */
    i = spaces(s, n, i);
    if (i + 3 <= n && sr_istarts(s + i, n - i, "of "))
        i += 3;
    size_t w = word(s + i, n - i);
    int m = sr_month_number(s + i, w);
    if (!m)
        return false;
    i += w;
    if (i < n && s[i] == '.')
        i++;
    if (i < n && s[i] == ',')
        i++;
    i = spaces(s, n, i);
    k = digits(s + i, n - i, 4, &year);
    if (k != 4 || !valid(year, m, day) || day == 0)
        return false;
    *d = (sr_date){year, m, day};
    *used = i + k;
    return true;
}

/* YYYY-MM-DD or YYYY/MM/DD */
static bool iso(const char *s, size_t n, sr_date *d, size_t *used)
{
    int y, m, day;
    if (n < 10 || digits(s, n, 4, &y) != 4 || (s[4] != '-' && s[4] != '/'))
        return false;
    if (digits(s + 5, n - 5, 2, &m) != 2 || s[7] != s[4] || digits(s + 8, n - 8, 2, &day) != 2)
        return false;
    if (!valid(y, m, day) || day == 0)
        return false;
    *d = (sr_date){y, m, day};
    *used = 10;
    return true;
}

bool sr_date_at(const char *s, size_t n, sr_date *d, size_t *used)
{
    if (n == 0)
        return false;
    if (is_dig(s[0]))
        return iso(s, n, d, used) || day_first(s, n, d, used);
    if (!is_alpha(s[0]))
        return false;
    size_t w = word(s, n);
    if (sr_weekday_name(s, w)) {
        size_t i = w;
        if (i < n && s[i] == '.')
            i++;
        if (i < n && s[i] == ',')
            i++;
        i = spaces(s, n, i);
        size_t u;
        if (i < n && (month_first(s + i, n - i, d, &u) || day_first(s + i, n - i, d, &u))) {
            *used = i + u;
            return true;
        }
        return false;
    }
    return month_first(s, n, d, used);
}

bool sr_date_find(const char *s, size_t n, sr_date *d, size_t *at, size_t *used)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (is_alpha(s[i - 1]) || is_dig(s[i - 1])))
            continue; /* dates start at a word boundary */
        /* Dates start with a digit or a capitalised month or weekday name
         * (A D F J M N O S T W): lower-case words are never tried. */
        if (!is_dig(s[i]) && !(s[i] >= 'A' && s[i] <= 'Z' && strchr("ADFJMNOSTW", s[i])))
            continue;
        if (sr_date_at(s + i, n - i, d, used)) {
            *at = i;
            return true;
        }
    }
    return false;
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

bool sr_date_scan(const char *s, sr_date *d)
{
    if (digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-' && digit(s[5]) && digit(s[6]) &&
        s[7] == '-' && digit(s[8]) && digit(s[9]) && !digit(s[10])) {
        d->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        d->month = (s[5] - '0') * 10 + (s[6] - '0');
        d->day = (s[8] - '0') * 10 + (s[9] - '0');
        return true;
    }
    return sscanf(s, "%d-%d-%d", &d->year, &d->month, &d->day) == 3;
}

void sr_date_iso(const sr_date *d, char out[11])
{
    unsigned y = (unsigned)d->year % 10000u, m = (unsigned)d->month % 100u;
    unsigned day = (unsigned)(d->day ? d->day : 1) % 100u;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + day / 10);
    out[9] = (char)('0' + day % 10);
    out[10] = '\0';
}

int sr_date_cmp(const sr_date *a, const sr_date *b)
{
    int x = a->year * 10000 + a->month * 100 + a->day;
    int y = b->year * 10000 + b->month * 100 + b->day;
    return x < y ? -1 : x > y;
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long sr_date_to_days(const sr_date *d)
{
    long y = d->year - (d->month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d->month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + (d->day ? d->day : 1) - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

sr_date sr_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);
    return (sr_date){(int)y, (int)m, (int)day};
}

sr_date sr_date_add_days(const sr_date *d, long n)
{
    return sr_date_from_days(sr_date_to_days(d) + n);
}

sr_date sr_date_add_months(const sr_date *d, int n)
{
    long k = (long)d->year * 12 + (d->month - 1) + n;
    int y = (int)(k >= 0 ? k / 12 : (k - 11) / 12);
    int m = (int)(k - (long)y * 12) + 1;
    int day = d->day;
    if (day > days_in_month(y, m))
        day = days_in_month(y, m);
    return (sr_date){y, m, day};
}

int sr_date_weekday(const sr_date *d)
{
    long z = sr_date_to_days(d); /* 1970-01-01 was a Thursday (4) */
    long w = (z % 7 + 7) % 7;    /* 0 = Thursday */
    return (int)((w + 3) % 7) + 1;
}
