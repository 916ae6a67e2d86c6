import CNCurses
import TutorSession

/// What one read from the keyboard means to the loop.
enum Input: Equatable {
    case key(Key)
    case resize
    /// Ctrl-L: repaint everything.
    case redraw
    case ignored
}

enum KeyMapping {
    /// Maps a `wget_wch` result to an input.
    static func input(result: Int32, code: Int32) -> Input {
        if result == KEY_CODE_YES {
            switch code {
            case KEY_RIGHT: return .key(.right)
            case KEY_LEFT: return .key(.left)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME, KEY_A1: return .key(.home)
            case KEY_END, KEY_C1: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_RESIZE: return .resize
            default: return .ignored
            }
        }
        switch code {
        case 3: return .key(.interrupt)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.character("\t"))
        case 12: return .redraw
        case 0..<32: return .ignored
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }
}
