import TCPCore
import Testing

@testable import TutorUI

/// The big letters: every state name can be drawn, each glyph is 3x5, and scale 2 doubles every pixel.
@Suite struct PresenterBigTextTests {
    static let states: [ConnectionState] = [
        .closed, .listen, .synSent, .synReceived, .established, .finWait1, .finWait2, .closeWait, .closing,
        .lastAck, .timeWait,
    ]

    @Test func everyStateNameAndFlagSpellingHasBigLetters() {
        for state in Self.states { #expect(BigText.canDraw(state.description), "\(state)") }
        for flags: TCPFlags in [.syn, [.syn, .ack], [.fin, .ack], [.rst, .ack], .ack, [.psh, .ack]] {
            #expect(BigText.canDraw(flags.spelledOut), "\(flags.spelledOut)")
        }
        #expect(BigText.canDraw("12/18?"))
        #expect(!BigText.canDraw("三"))
    }

    @Test func glyphsAreThreeByFiveAndDistinct() {
        for (character, rows) in BigText.glyphs {
            #expect(rows.count == BigText.height && rows.allSatisfy { $0.count == 3 }, "\(character)")
        }
        let letters = BigText.glyphs.filter { $0.key.isLetter || $0.key.isNumber }
        #expect(Set(letters.values).count == letters.count, "two letters or digits look the same")
    }

    @Test func scaleTwoDoublesEveryPixel() {
        for scale in [1, 2] {
            var canvas = Canvas(width: 40, height: 5)
            let width = BigText.width(of: "SYN", scale: scale)
            #expect(width == (3 * 4 - 1) * scale)
            BigText(text: "SYN", scale: scale).render(in: Rect(x: 0, y: 0, width: width, height: 5), on: &canvas)
            let solid = canvas.cells.count { $0.ink == .solid }
            let pixels = "SYN".map { BigText.glyphs[$0]!.joined().count { $0 == "#" } }.reduce(0, +)
            #expect(solid == pixels * scale)
            #expect(canvas.cells.enumerated().allSatisfy { $0.element.ink != .solid || $0.offset % 40 < width })
        }
    }
}
