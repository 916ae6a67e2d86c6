#ifndef CNCURSES_H
#define CNCURSES_H
// Wide-character ncurses: these must be defined before curses.h, and target cSettings do not reach Swift's
// importer, so they live here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <stdio.h>
#include <wchar.h>

// Swift cannot import stdscr, LINES, COLS, stdin or stdout under Swift 6 concurrency checking, nor the A_*
// and ACS macros: each has a getter here.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }

/// Line-drawing glyphs for cn_put_line.
enum cn_line_glyph {
    CN_HLINE = 0,
    CN_VLINE = 1,
    CN_ULCORNER = 2,
    CN_URCORNER = 3,
    CN_LLCORNER = 4,
    CN_LRCORNER = 5,
};

/// Writes one character (a NUL-terminated base character plus combining marks) at y, x with attrs and pair.
int cn_put_text(int y, int x, const wchar_t *text, attr_t attrs, short pair);

/// Writes one line-drawing glyph with ACS (or ASCII when ascii is non-zero) at y, x.
int cn_put_line(int y, int x, int glyph, int ascii, attr_t attrs, short pair);

/// Reads one key with wget_wch on stdscr; returns OK, KEY_CODE_YES or ERR and stores the key in *key.
int cn_get_key(int *key);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal (call before newterm).
void cn_install_exit_signals(void);

/// The first exit signal received since start, or 0.
int cn_exit_signal(void);

/// Saves the terminal modes of standard input, to be restored on a crash (call before newterm).
void cn_save_terminal_modes(void);

/// Builds the crash restore sequence from the current terminal's rmcup, rmkx, cnorm and sgr0, and installs
/// handlers for SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE and SIGQUIT that write it, restore the saved
/// modes, call the handler that was there before (the Swift runtime's crash report), then die of the signal
/// (call after newterm).
void cn_install_crash_handlers(void);

/// Puts the previous crash handlers back (call before endwin).
void cn_remove_crash_handlers(void);

/// Restores the saved terminal modes.
void cn_restore_terminal_modes(void);

/// Whether standard input has hung up (its terminal is gone).
int cn_input_hung_up(void);

/// The locale's character set after setlocale(LC_ALL, "").
const char *cn_codeset(void);

/// wcwidth, which glibc hides without _XOPEN_SOURCE.
int cn_wcwidth(int c);
#endif
