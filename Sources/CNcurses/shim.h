// The parts of ncursesw that Swift needs, with the wide-character API
// switched on. Macros and globals that Swift cannot import become small
// inline functions here; everything else is imported as it is.
//
// The signal handlers live here too: a handler must be a C function that
// only touches `volatile sig_atomic_t` flags and calls async-signal-safe
// functions. Their state is `static`, so every translation unit that calls
// these functions gets its own copy: Swift must call the signal functions
// from ONE source file (Sources/Terminal/SignalWatch.swift), so that the
// handler it installs and the flag it reads are the same ones.
#ifndef OPTISCOPE_CNCURSES_SHIM_H
#define OPTISCOPE_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Globals and macros

static inline FILE *optiscope_stdin(void) { return stdin; }
static inline FILE *optiscope_stdout(void) { return stdout; }
static inline WINDOW *optiscope_stdscr(void) { return stdscr; }
static inline WINDOW *optiscope_curscr(void) { return curscr; }
static inline int optiscope_color_pairs(void) { return COLOR_PAIRS; }

/// The window's size in rows and columns (getmaxyx is a macro).
static inline void optiscope_getmaxyx(WINDOW *window, int *rows, int *columns) {
  int y, x;
  getmaxyx(window, y, x);
  *rows = y;
  *columns = x;
}

/// The character set of the current locale ("UTF-8", "ANSI_X3.4-1968", …).
static inline const char *optiscope_codeset(void) { return nl_langinfo(CODESET); }

/// tigetstr's answer as NULL for both "absent" (0) and "not a string" (-1).
static inline const char *optiscope_tigetstr(const char *name) {
  char *value = tigetstr(name);
  return (value == 0 || value == (char *)-1) ? 0 : value;
}

/// A terminfo string with up to four numbers filled in, or NULL for a
/// NULL capability (tiparm is variadic, which Swift cannot call).
static inline const char *optiscope_tiparm(const char *capability, int a, int b, int c, int d) {
  return capability ? tiparm(capability, a, b, c, d) : 0;
}

/// tigetflag's answer as a bool (-1, "not a boolean", counts as absent).
static inline int optiscope_tigetflag(const char *name) { return tigetflag(name) == 1; }

static inline attr_t optiscope_a_bold(void) { return A_BOLD; }
static inline attr_t optiscope_a_dim(void) { return A_DIM; }
static inline attr_t optiscope_a_reverse(void) { return A_REVERSE; }
static inline attr_t optiscope_a_underline(void) { return A_UNDERLINE; }

/// Puts one wide character with attributes and an extended colour pair
/// (pair numbers above 32767 travel through setcchar's `opts`).
static inline int optiscope_put_cell(WINDOW *window, int y, int x, wchar_t glyph, attr_t attributes, int pair) {
  cchar_t cell;
  wchar_t text[2] = {glyph, 0};
  if (setcchar(&cell, text, attributes, 0, &pair) == ERR) return ERR;
  return mvwadd_wch(window, y, x, &cell);
}

// MARK: - Mouse masks

static inline mmask_t optiscope_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t optiscope_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t optiscope_button_shift(void) { return BUTTON_SHIFT; }
static inline mmask_t optiscope_button_pressed(int button) {
  switch (button) {
  case 1: return BUTTON1_PRESSED;
  case 2: return BUTTON2_PRESSED;
  case 3: return BUTTON3_PRESSED;
  case 4: return BUTTON4_PRESSED;
  case 5: return BUTTON5_PRESSED;
  default: return 0;
  }
}
static inline mmask_t optiscope_button_released(int button) {
  switch (button) {
  case 1: return BUTTON1_RELEASED;
  case 2: return BUTTON2_RELEASED;
  case 3: return BUTTON3_RELEASED;
  case 4: return BUTTON4_RELEASED;
  case 5: return BUTTON5_RELEASED;
  default: return 0;
  }
}

// MARK: - Signals

/// The last quit signal (SIGINT, SIGTERM, SIGHUP) not yet taken, or 0.
static volatile sig_atomic_t optiscope_quit_signal = 0;
/// 1 after a SIGCONT not yet taken (the terminal needs redrawing).
static volatile sig_atomic_t optiscope_resumed = 0;
/// Written to (one byte) by every handler, so a poll(2) wakes up.
static volatile sig_atomic_t optiscope_wake_fd = -1;

static volatile sig_atomic_t optiscope_restore_length = 0;
static volatile sig_atomic_t optiscope_termios_saved = 0;

static const int optiscope_quit_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int optiscope_crash_signals[] = {SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP, SIGQUIT};
#define OPTISCOPE_QUIT_COUNT 3
#define OPTISCOPE_CRASH_COUNT 7
static int optiscope_winch_chained = 0;

/// The handlers' larger state. Swift emits a header's static arrays and
/// structs only as locals of a function, so they live in this one.
struct optiscope_signal_state {
  /// What the crash handler writes to the terminal before re-raising.
  char restore_bytes[512];
  struct termios saved_termios;
  struct sigaction previous_quit[OPTISCOPE_QUIT_COUNT];
  struct sigaction previous_crash[OPTISCOPE_CRASH_COUNT];
  struct sigaction previous_cont;
  struct sigaction previous_winch;
};

static struct optiscope_signal_state *optiscope_state(void) {
  static struct optiscope_signal_state state;
  return &state;
}

static void optiscope_wake(void) {
  int fd = optiscope_wake_fd;
  if (fd >= 0) {
    char byte = 1;
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
  }
}

static void optiscope_on_quit_signal(int signal_number) {
  int saved_errno = errno;
  optiscope_quit_signal = signal_number;
  optiscope_wake();
  errno = saved_errno;
}

static void optiscope_on_continue(int signal_number) {
  (void)signal_number;
  int saved_errno = errno;
  optiscope_resumed = 1;
  optiscope_wake();
  errno = saved_errno;
}

/// Passes a window change on to ncurses's own handler (which makes the
/// next read return KEY_RESIZE), then wakes the loop: a resize that lands
/// just before the loop blocks is not lost.
static void optiscope_on_window_change(int signal_number) {
  int saved_errno = errno;
  void (*previous)(int) = optiscope_state()->previous_winch.sa_handler;
  if (!(optiscope_state()->previous_winch.sa_flags & SA_SIGINFO) && previous != SIG_DFL && previous != SIG_IGN) {
    previous(signal_number);
  }
  optiscope_wake();
  errno = saved_errno;
}

/// Restores the terminal with async-signal-safe calls only, then hands the
/// signal to whoever had it before (the default action, or Swift's
/// backtracer, which then reports the crash on a usable terminal).
static void optiscope_on_crash_signal(int signal_number) {
  int length = optiscope_restore_length;
  const char *bytes = optiscope_state()->restore_bytes;
  while (length > 0) {
    ssize_t written = write(STDOUT_FILENO, bytes, (size_t)length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;
    bytes += written;
    length -= (int)written;
  }
  if (optiscope_termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &optiscope_state()->saved_termios);
  for (int i = 0; i < OPTISCOPE_CRASH_COUNT; i++) {
    if (optiscope_crash_signals[i] == signal_number) {
      sigaction(signal_number, &optiscope_state()->previous_crash[i], 0);
    }
  }
  raise(signal_number);
}

/// Remembers the terminal's modes as they are now, for the crash handler
/// to put back: call it before ncurses changes them.
static inline void optiscope_save_termios(void) {
  if (tcgetattr(STDIN_FILENO, &optiscope_state()->saved_termios) == 0) optiscope_termios_saved = 1;
}

/// The bytes the crash handler writes to leave the program's screen modes
/// (cut to 512).
static inline void optiscope_set_restore_bytes(const char *bytes, int length) {
  if (length > (int)sizeof(optiscope_state()->restore_bytes)) length = (int)sizeof(optiscope_state()->restore_bytes);
  optiscope_restore_length = 0;
  memcpy(optiscope_state()->restore_bytes, bytes, (size_t)length);
  optiscope_restore_length = length;
}

/// Installs the handlers: quit signals set the flag, SIGCONT marks a
/// resume, crashes restore the terminal. `wake_fd` (the write end of a
/// non-blocking pipe, or -1) gets a byte on every signal. Install before
/// newterm, so that ncurses leaves SIGINT and SIGTERM to these handlers
/// instead of installing its own (which it would not take back).
static inline void optiscope_install_signal_handlers(int wake_fd) {
  optiscope_wake_fd = wake_fd;
  optiscope_quit_signal = 0;
  optiscope_resumed = 0;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = optiscope_on_quit_signal;
  for (int i = 0; i < OPTISCOPE_QUIT_COUNT; i++) {
    sigaction(optiscope_quit_signals[i], &action, &optiscope_state()->previous_quit[i]);
  }
  action.sa_handler = optiscope_on_continue;
  action.sa_flags = SA_RESTART;
  sigaction(SIGCONT, &action, &optiscope_state()->previous_cont);
  action.sa_handler = optiscope_on_crash_signal;
  action.sa_flags = SA_RESETHAND;
  for (int i = 0; i < OPTISCOPE_CRASH_COUNT; i++) {
    sigaction(optiscope_crash_signals[i], &action, &optiscope_state()->previous_crash[i]);
  }
}

/// Puts the SIGWINCH handler in front of ncurses's: call after newterm,
/// which installs ncurses's.
static inline void optiscope_chain_window_change(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = optiscope_on_window_change;
  action.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &action, &optiscope_state()->previous_winch);
  optiscope_winch_chained = 1;
}

/// Puts back the handlers that were there before the install.
static inline void optiscope_restore_signal_handlers(void) {
  for (int i = 0; i < OPTISCOPE_QUIT_COUNT; i++) sigaction(optiscope_quit_signals[i], &optiscope_state()->previous_quit[i], 0);
  for (int i = 0; i < OPTISCOPE_CRASH_COUNT; i++) sigaction(optiscope_crash_signals[i], &optiscope_state()->previous_crash[i], 0);
  sigaction(SIGCONT, &optiscope_state()->previous_cont, 0);
  if (optiscope_winch_chained) sigaction(SIGWINCH, &optiscope_state()->previous_winch, 0);
  optiscope_winch_chained = 0;
  optiscope_wake_fd = -1;
  optiscope_restore_length = 0;
  optiscope_termios_saved = 0;
}

/// The pending quit signal (0 if none), cleared.
static inline int optiscope_take_quit_signal(void) {
  int signal_number = optiscope_quit_signal;
  optiscope_quit_signal = 0;
  return signal_number;
}

/// True once after each SIGCONT.
static inline int optiscope_take_resumed(void) {
  int resumed = optiscope_resumed;
  optiscope_resumed = 0;
  return resumed;
}

#endif
