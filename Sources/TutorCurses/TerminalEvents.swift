import CNCurses
import TutorSession

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the terminal brings next, for the run loops of the tutor, the presenter and the quiz and exam screens.
enum TerminalEvent: Equatable {
    /// A key to act on.
    case key(Key)
    /// The wait ran out with nothing typed: time for animation ticks, clocks and saving.
    case idle
    /// Time to stop: an exit signal arrived or the terminal went away.
    case stop(TerminalRuntime.Ending)
}

/// Reads the terminal for the run loops, handling what every loop must handle the same way: exit signals (the
/// handlers only set a flag, the loop leaves by the normal path), a terminal that went away, a resized window
/// and Ctrl-L.
struct TerminalEvents {
    let screen: CursesScreen
    /// Reads that failed at once, one after another.
    private var quickEmptyReads = 0

    init(screen: CursesScreen) {
        self.screen = screen
    }

    /// Waits at most `timeout` milliseconds for the next event, and for any of `descriptors` to turn readable
    /// (`idle`: the sources have something); a resize or Ctrl-L is handled here, by forgetting what the
    /// terminal shows and calling `redraw`.
    mutating func next(timeout: Int32, watching descriptors: [Int32] = [], redraw: () -> Void) -> TerminalEvent {
        while true {
            if let signal = Self.exitSignal() { return .stop(.signal(signal)) }
            let started = monotonicMilliseconds()
            let read: Input?
            switch wait(timeout: timeout, descriptors: descriptors) {
            case .sourceReady: return .idle
            case .input(let input): read = input
            }
            guard let input = read else {
                if Self.exitSignal() != nil { continue }
                // A read that fails at once, again and again, means the terminal is gone.
                quickEmptyReads = monotonicMilliseconds() - started < Int(timeout) / 2 ? quickEmptyReads + 1 : 0
                if quickEmptyReads > 20, cn_input_hung_up() != 0 { return .stop(.hangUp) }
                return .idle
            }
            quickEmptyReads = 0
            switch input {
            case .ignored:
                continue
            case .resize, .redraw:
                screen.invalidate(clearTerminal: true)
                redraw()
            case .key(let key):
                return .key(key)
            }
        }
    }

    /// What a wait brought: input (nil when the time ran out or a signal came), or a source's descriptor
    /// turned readable.
    private enum Wait {
        case input(Input?)
        case sourceReady
    }

    /// Reads the keyboard; with `descriptors` to watch, first waits on standard input and them together in one
    /// poll(2), so that an idle source wakes nothing and a message from it ends the wait at once (a timeout
    /// on the keyboard alone would have to be short to see it soon, and wake the process hundreds of times a
    /// second).
    private func wait(timeout: Int32, descriptors: [Int32]) -> Wait {
        guard !descriptors.isEmpty else { return .input(screen.read(timeout: timeout)) }
        // Input ncurses has already taken from the terminal (the rest of an escape sequence, a resize it was
        // told of) is in its own buffer, where poll(2) cannot see it.
        if let input = screen.read(timeout: 0) { return .input(input) }
        var watched = ([STDIN_FILENO] + descriptors).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&watched, nfds_t(watched.count), timeout)
        // A signal (an exit signal, SIGWINCH) or the time running out: the caller looks at both.
        guard ready > 0 else { return .input(nil) }
        if watched.dropFirst().contains(where: { $0.revents != 0 }) { return .sourceReady }
        // The keyboard (or a terminal gone, which the read reports at once).
        return .input(screen.read(timeout: timeout))
    }

    private static func exitSignal() -> Int32? {
        let signal = cn_exit_signal()
        return signal == 0 ? nil : signal
    }
}

/// Milliseconds on a clock that never jumps.
func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
}
