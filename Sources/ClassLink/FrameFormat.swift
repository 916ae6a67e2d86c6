/// The class link's frame: an 8-byte header, then the payload.
///
/// ```
/// offset 0  "CL"          two bytes that name the link, so a stray connection is told apart from a peer
/// offset 2  version       1
/// offset 3  message type  one byte (`MessageType`)
/// offset 4  length        payload bytes, UInt32 big-endian, at most `maximumPayload`
/// offset 8  payload       the message's fields in order (`PayloadWriter`)
/// ```
/// Inside a payload: integers are big-endian of fixed width, a Bool is one byte 0 or 1, bytes and strings are a
/// UInt32 length then the bytes (strings in UTF-8), a field map is a UInt32 count then name and text pairs.
public enum FrameFormat {
    public static let magic: [UInt8] = [0x43, 0x4C]
    public static let version: UInt8 = 1
    public static let headerSize = 8
    /// A frame's largest payload: far above a progress book (a few kilobytes), far below what would hurt the
    /// server if a broken peer claimed it.
    public static let maximumPayload = 1 << 20
}

/// The message type byte.
enum MessageType: UInt8 {
    case hello = 0x01
    case examStarted = 0x02
    case examResumed = 0x03
    case saved = 0x04
    case committed = 0x05
    case refused = 0x06
    case followStep = 0x07
    case classEnding = 0x08
    case classroom = 0x09
    case studentAnswer = 0x0A
    case saveProgress = 0x10
    case beginExam = 0x11
    case examAnswer = 0x12
    case finishExam = 0x13
    case classAnswer = 0x14
    case presenterStep = 0x15
    case bye = 0x7F

    /// The name used in error messages.
    var name: String {
        switch self {
        case .hello: "hello"
        case .examStarted: "exam started"
        case .examResumed: "exam resumed"
        case .saved: "saved"
        case .committed: "committed"
        case .refused: "refused"
        case .followStep: "follow step"
        case .classEnding: "class ending"
        case .classroom: "classroom"
        case .studentAnswer: "student answer"
        case .saveProgress: "save progress"
        case .beginExam: "begin exam"
        case .examAnswer: "exam answer"
        case .finishExam: "finish exam"
        case .classAnswer: "class answer"
        case .presenterStep: "presenter step"
        case .bye: "bye"
        }
    }
}

/// Why bytes on the link are not a frame; the link is closed after one, since what follows cannot be trusted.
public struct FrameError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "class link: \(message)" }
}
