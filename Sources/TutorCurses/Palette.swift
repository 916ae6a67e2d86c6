import CNCurses
import TutorUI

/// How each ink is drawn: colour pairs where the terminal has colours and `NO_COLOR` is unset, attributes only
/// otherwise, chosen so that SYN, FIN and RST stay distinguishable without colour.
struct Palette {
    private var styles: [Ink: (attributes: attr_t, pair: Int16)] = [:]

    init(colors: Bool) {
        for ink in Ink.allCases { styles[ink] = colors ? Self.colored(ink) : Self.monochrome(ink) }
    }

    func style(_ ink: Ink) -> (attributes: attr_t, pair: Int16) { styles[ink] ?? (cn_a_normal(), 0) }

    /// Pair numbers and their foreground colours (-1 background: the terminal's own).
    static let pairs: [(pair: Int16, foreground: Int16)] = [
        (1, Int16(COLOR_CYAN)), (2, Int16(COLOR_MAGENTA)), (3, Int16(COLOR_GREEN)), (4, Int16(COLOR_YELLOW)),
        (5, Int16(COLOR_RED)), (6, Int16(COLOR_BLUE)),
    ]

    private static func colored(_ ink: Ink) -> (attr_t, Int16) {
        switch ink {
        case .normal: (cn_a_normal(), 0)
        case .dim: (cn_a_dim(), 0)
        case .strong: (cn_a_bold(), 0)
        case .hostA: (cn_a_bold(), 1)
        case .hostB: (cn_a_bold(), 2)
        case .syn: (cn_a_normal(), 3)
        case .fin: (cn_a_normal(), 4)
        case .rst: (cn_a_bold(), 5)
        case .plainSegment: (cn_a_normal(), 0)
        case .selection: (cn_a_reverse(), 0)
        case .key: (cn_a_reverse(), 0)
        case .warning: (cn_a_bold(), 5)
        case .question: (cn_a_bold(), 4)
        case .solid: (cn_a_bold() | cn_a_reverse(), 0)
        }
    }

    private static func monochrome(_ ink: Ink) -> (attr_t, Int16) {
        switch ink {
        case .normal, .plainSegment, .hostA, .hostB: (cn_a_normal(), 0)
        case .dim: (cn_a_dim(), 0)
        case .strong, .syn, .question: (cn_a_bold(), 0)
        case .fin: (cn_a_underline(), 0)
        case .rst, .warning: (cn_a_bold() | cn_a_reverse(), 0)
        case .selection, .key: (cn_a_reverse(), 0)
        case .solid: (cn_a_bold() | cn_a_reverse(), 0)
        }
    }
}
