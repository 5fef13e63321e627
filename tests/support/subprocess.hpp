#pragma once
// Running a program as a child process (POSIX fork/exec), with its stdout and stderr captured
// through pipes, for tests of the real `partnersim` executable.
//
//   ProcessResult r = test::run_process({PARTNERSIM_EXECUTABLE, "--version"});
//   r.exit_code, r.out, r.err
//
// Or started and waited for separately, to signal it while it runs:
//
//   test::Subprocess child({PARTNERSIM_EXECUTABLE, "run", ...});
//   child.send_signal(SIGINT);
//   ProcessResult r = child.wait();

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace partnersim::test {

struct ProcessResult {
    int exit_code = -1;      // the exit status, or -1 if the process was killed by a signal
    int term_signal = 0;     // the signal that killed it, 0 if it exited
    bool timed_out = false;  // wait() gave up and killed it
    std::string out;
    std::string err;
};

class Subprocess {
public:
    // Starts `args[0]` (a path, not searched on PATH) with the arguments `args`. Its stdin is
    // /dev/null; stdout and stderr are captured, unless `stderr_fd` is given, in which case the
    // child's stderr is that descriptor (e.g. a pseudo-terminal) and err stays empty.
    explicit Subprocess(const std::vector<std::string>& args,
                        std::optional<int> stderr_fd = std::nullopt) {
        if (args.empty()) throw std::invalid_argument("Subprocess needs a program");
        int out_pipe[2];
        int err_pipe[2] = {-1, -1};
        if (pipe2(out_pipe, O_CLOEXEC) != 0) throw_errno("pipe");
        if (!stderr_fd && pipe2(err_pipe, O_CLOEXEC) != 0) {
            close(out_pipe[0]);
            close(out_pipe[1]);
            throw_errno("pipe");
        }
        // Everything the child needs is prepared before fork: after it, only async-signal-safe
        // calls are allowed in a multi-threaded parent (the tests run TBB threads).
        std::vector<char*> argv;
        for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);

        pid_ = fork();
        if (pid_ < 0) throw_errno("fork");
        if (pid_ == 0) {
            const int null_in = open("/dev/null", O_RDONLY);
            if (null_in >= 0) dup2(null_in, STDIN_FILENO);
            dup2(out_pipe[1], STDOUT_FILENO);
            dup2(stderr_fd ? *stderr_fd : err_pipe[1], STDERR_FILENO);
            // The test process may ignore or block signals; the child starts with the defaults.
            ::signal(SIGINT, SIG_DFL);
            ::signal(SIGTERM, SIG_DFL);
            ::signal(SIGPIPE, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out_pipe[1]);
        out_fd_ = out_pipe[0];
        if (!stderr_fd) {
            close(err_pipe[1]);
            err_fd_ = err_pipe[0];
        }
    }

    ~Subprocess() {
        if (pid_ > 0 && !reaped_) {
            kill(pid_, SIGKILL);
            int status = 0;
            waitpid(pid_, &status, 0);
        }
        close_fd(out_fd_);
        close_fd(err_fd_);
    }

    Subprocess(const Subprocess&) = delete;
    Subprocess& operator=(const Subprocess&) = delete;

    pid_t pid() const { return pid_; }

    void send_signal(int signal_number) const {
        if (!reaped_) kill(pid_, signal_number);
    }

    // Whether the child has exited (without reaping it).
    bool running() const {
        if (reaped_) return false;
        siginfo_t info{};
        info.si_pid = 0;
        if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
            return false;
        }
        return info.si_pid == 0;
    }

    // Reads stdout and stderr to their end and reaps the child. If it has not finished within
    // `timeout`, it is killed (SIGKILL) and the result says timed_out.
    ProcessResult wait(std::chrono::milliseconds timeout = std::chrono::minutes(10)) {
        ProcessResult result;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (out_fd_ >= 0 || err_fd_ >= 0) {
            pollfd fds[2];
            nfds_t count = 0;
            if (out_fd_ >= 0) fds[count++] = pollfd{out_fd_, POLLIN, 0};
            if (err_fd_ >= 0) fds[count++] = pollfd{err_fd_, POLLIN, 0};
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                kill(pid_, SIGKILL);
                result.timed_out = true;
                break;
            }
            const int ready = poll(fds, count, static_cast<int>(left.count()));
            if (ready < 0 && errno == EINTR) continue;
            if (ready < 0) throw_errno("poll");
            for (nfds_t i = 0; i < count; ++i) {
                if (fds[i].revents == 0) continue;
                const bool is_out = fds[i].fd == out_fd_;
                std::string& sink = is_out ? result.out : result.err;
                if (!drain(fds[i].fd, sink)) close_fd(is_out ? out_fd_ : err_fd_);
            }
        }
        int status = 0;
        while (waitpid(pid_, &status, 0) < 0) {
            if (errno != EINTR) throw_errno("waitpid");
        }
        reaped_ = true;
        if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
        return result;
    }

private:
    [[noreturn]] static void throw_errno(const char* what) {
        throw std::system_error(errno, std::generic_category(), what);
    }
    static void close_fd(int& fd) {
        if (fd >= 0) close(fd);
        fd = -1;
    }
    // Appends what is available; false at end of file (or error).
    static bool drain(int fd, std::string& sink) {
        char buffer[4096];
        for (;;) {
            const ssize_t n = read(fd, buffer, sizeof buffer);
            if (n > 0) {
                sink.append(buffer, static_cast<std::size_t>(n));
                return true;
            }
            if (n < 0 && errno == EINTR) continue;
            return false;
        }
    }

    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    bool reaped_ = false;
};

// Runs a program to completion and returns its exit code and output.
inline ProcessResult run_process(const std::vector<std::string>& args,
                                 std::chrono::milliseconds timeout = std::chrono::minutes(10)) {
    Subprocess child(args);
    return child.wait(timeout);
}

}  // namespace partnersim::test
