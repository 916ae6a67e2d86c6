/// What a cell's colour means. The terminal back end turns each ink into a colour where it has colours,
/// and into bold, underline or reverse where it has none (monochrome, or `NO_COLOR`).
public enum Ink: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    /// Secondary text: hints, earlier segments.
    case dim
    /// Emphasis without meaning: headings, the current step.
    case strong
    /// Host A's colour.
    case hostA
    /// Host B's colour.
    case hostB
    /// A segment carrying SYN.
    case syn
    /// A segment carrying FIN.
    case fin
    /// A segment carrying RST.
    case rst
    /// Any other segment (a bare ACK, data).
    case plainSegment
    /// The selected menu line and the key bar.
    case selection
    /// A key name in the key bar or help.
    case key
    /// Something went wrong: a lost segment, an unreadable file.
    case warning
    /// A quiz question.
    case question
    /// A filled cell (reverse video): the pixels of big letters, and labels that must stand out on a projector.
    case solid
}
