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

    /// Waits at most `timeout` milliseconds for the next event; a resize or Ctrl-L is handled here, by
    /// forgetting what the terminal shows and calling `redraw`.
    mutating func next(timeout: Int32, redraw: () -> Void) -> TerminalEvent {
        while true {
            if let signal = Self.exitSignal() { return .stop(.signal(signal)) }
            let started = monotonicMilliseconds()
            guard let input = screen.read(timeout: timeout) else {
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
