#define _GNU_SOURCE
#include "child_process.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/// Closes every descriptor from 3 up, so the command inherits only its three.
static void close_inherited_descriptors(void) {
  long limit = sysconf(_SC_OPEN_MAX);
  if (limit < 0 || limit > 65536) limit = 65536;
  for (int fd = 3; fd < limit; fd++) close(fd);
}

/// The guard's loop: waits for the command (SIGCHLD), for SIGTERM, SIGINT
/// or SIGHUP (end the group), or for its parent to go (checked every 200 ms).
static void guard(pid_t command, pid_t parent, const sigset_t *watched) {
  struct timespec interval = {0, 200 * 1000 * 1000};
  for (;;) {
    siginfo_t info;
    int signal_number = sigtimedwait(watched, &info, &interval);
    if (signal_number == SIGCHLD || signal_number < 0) {
      int status;
      if (waitpid(command, &status, WNOHANG) == command) {
        // The command's own children go with it; the guard has SIGTERM
        // blocked, so it stays to report the command's status.
        kill(-getpgrp(), SIGTERM);
        _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
      }
      if (signal_number == SIGCHLD || getppid() == parent) continue;
    }
    // Asked to end, or orphaned: end the whole group, the guard with it.
    kill(-getpgrp(), SIGKILL);
    _exit(137);
  }
}

pid_t optiscope_spawn_guarded(const char *command, int stdin_fd, int stdout_fd, int stderr_fd) {
  pid_t parent = getpid();
  sigset_t watched, previous;
  sigemptyset(&watched);
  sigaddset(&watched, SIGCHLD);
  sigaddset(&watched, SIGTERM);
  sigaddset(&watched, SIGINT);
  sigaddset(&watched, SIGHUP);
  // Blocked across fork, so that the guard misses none of them.
  pthread_sigmask(SIG_BLOCK, &watched, &previous);
  pid_t guard_pid = fork();
  if (guard_pid != 0) {
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    errno = saved;
    return guard_pid;
  }

  // The guard.
  setpgid(0, 0);
  if (getppid() != parent) _exit(137);
  if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) _exit(126);
  close_inherited_descriptors();
  struct sigaction defaults = {0};
  defaults.sa_handler = SIG_DFL;
  for (int s = 1; s < 32; s++) sigaction(s, &defaults, NULL);

  pid_t command_pid = fork();
  if (command_pid == 0) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(127);
  }
  if (command_pid < 0) _exit(126);
  // The guard holds none of the pipes: end of file on them is the command's.
  close(0);
  close(1);
  close(2);
  guard(command_pid, parent, &watched);
  return -1;
}

int optiscope_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

ssize_t optiscope_write(int fd, const void *bytes, size_t count) {
  sigset_t pipe_signal, previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  ssize_t written = write(fd, bytes, count);
  int saved = errno;
  if (written < 0 && saved == EPIPE) {
    struct timespec now = {0, 0};
    sigtimedwait(&pipe_signal, NULL, &now);
  }
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  errno = saved;
  return written;
}
