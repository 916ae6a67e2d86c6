#define _GNU_SOURCE
#include "CNCurses.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int cn_put_text(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, A_NORMAL, 0, NULL) != OK) return ERR;
    // The window's attributes are merged into the character as it is added.
    wattr_set(stdscr, attrs, pair, NULL);
    return mvwadd_wch(stdscr, y, x, &cell);
}

int cn_put_line(int y, int x, int glyph, int ascii, attr_t attrs, short pair) {
    static const char ascii_glyphs[] = {'-', '|', '+', '+', '+', '+'};
    if (glyph < 0 || glyph > CN_LRCORNER) return ERR;
    wattr_set(stdscr, attrs, pair, NULL);
    if (ascii) {
        wchar_t text[2] = {(wchar_t)ascii_glyphs[glyph], 0};
        cchar_t cell;
        setcchar(&cell, text, A_NORMAL, 0, NULL);
        return mvwadd_wch(stdscr, y, x, &cell);
    }
    const cchar_t *cell = NULL;
    switch (glyph) {
    case CN_HLINE: cell = WACS_HLINE; break;
    case CN_VLINE: cell = WACS_VLINE; break;
    case CN_ULCORNER: cell = WACS_ULCORNER; break;
    case CN_URCORNER: cell = WACS_URCORNER; break;
    case CN_LLCORNER: cell = WACS_LLCORNER; break;
    default: cell = WACS_LRCORNER; break;
    }
    return mvwadd_wch(stdscr, y, x, cell);
}

int cn_get_key(int *key) {
    wint_t value = 0;
    int result = wget_wch(stdscr, &value);
    *key = (int)value;
    return result;
}

// MARK: Exit signals: only a flag, the main loop does the rest.

static volatile sig_atomic_t exit_signal = 0;

static void record_exit_signal(int sig) {
    if (exit_signal == 0) exit_signal = sig;
}

void cn_install_exit_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_exit_signal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: the blocking read returns at once and the loop sees the flag.
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    // A parent may have left signals blocked; these must get through for the terminal to be restored.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int cn_exit_signal(void) { return exit_signal; }

// MARK: Crashes: restore the terminal from pre-saved bytes, then let the previous handler report the crash.

static struct termios saved_modes;
static int have_saved_modes = 0;
static char restore_sequence[256];
static size_t restore_length = 0;
static const int crash_signals[] = {SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGQUIT};
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous_actions[CRASH_SIGNAL_COUNT];
static int crash_handlers_installed = 0;

void cn_save_terminal_modes(void) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
}

void cn_restore_terminal_modes(void) {
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

static void append_capability(const char *name) {
    const char *value = tigetstr(name);
    if (value == NULL || value == (const char *)-1) return;
    size_t length = strlen(value);
    if (restore_length + length >= sizeof restore_sequence) return;
    memcpy(restore_sequence + restore_length, value, length);
    restore_length += length;
}

static void restore_after_crash(int sig, siginfo_t *info, void *context) {
    // Only async-signal-safe calls from here on: write, tcsetattr, sigaction, raise.
    if (restore_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, restore_sequence, restore_length);
        (void)ignored;
    }
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    // Let the handler that was there before (the Swift runtime's crash report) run on the restored terminal.
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        if (crash_signals[i] != sig) continue;
        struct sigaction previous = previous_actions[i];
        if (previous.sa_flags & SA_SIGINFO) {
            if (previous.sa_sigaction != NULL) previous.sa_sigaction(sig, info, context);
        } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler != NULL) {
            previous.sa_handler(sig);
        }
    }
    // Then die of the signal: it is pending until this handler returns, then takes its default action. A crash
    // report handler returns expecting a real fault to recur, which a signal sent with kill never does.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(sig, &fallback, NULL);
    raise(sig);
}

void cn_install_crash_handlers(void) {
    restore_length = 0;
    append_capability("sgr0");
    append_capability("cnorm");
    append_capability("rmkx");
    append_capability("rmcup");
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = restore_after_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_SIGINFO;
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        sigaction(crash_signals[i], &action, &previous_actions[i]);
    }
    crash_handlers_installed = 1;
}

void cn_remove_crash_handlers(void) {
    if (!crash_handlers_installed) return;
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) sigaction(crash_signals[i], &previous_actions[i], NULL);
    crash_handlers_installed = 0;
}

int cn_input_hung_up(void) {
    struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
    if (poll(&fd, 1, 0) < 0) return errno != EINTR;
    return (fd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

const char *cn_codeset(void) { return nl_langinfo(CODESET); }

int cn_wcwidth(int c) { return wcwidth((wchar_t)c); }
