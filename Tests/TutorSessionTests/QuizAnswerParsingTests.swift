import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

@Suite("Quiz answer parsing")
struct QuizAnswerParsingTests {
    static let flagCases: [(String, TCPFlags)] = [
        ("S.", [.syn, .ack]), ("SYN,ACK", [.syn, .ack]), ("syn+ack", [.syn, .ack]), ("SYN ACK", [.syn, .ack]),
        ("ack/syn", [.syn, .ack]), ("SYN=1 ACK=1", [.syn, .ack]), ("SYN=1 ACK=0", [.syn]), ("F.", [.fin, .ack]),
        ("fin/ack", [.fin, .ack]), ("FIN, ACK", [.fin, .ack]), (".", [.ack]), ("ACK", [.ack]), ("R.", [.rst, .ack]),
        ("RST", [.rst]), ("rst,ack", [.rst, .ack]), ("R", [.rst]), ("S", [.syn]), ("P.", [.psh, .ack]),
        ("psh ack", [.psh, .ack]), ("Flags [S.]", [.syn, .ack]), ("[F.]", [.fin, .ack]), ("none", []),
        ("s.", [.syn, .ack]), ("SYN，ACK", [.syn, .ack]), ("S。", [.syn, .ack]), ("ＳＹＮ＋ＡＣＫ", [.syn, .ack]),
        ("FIN | ACK", [.fin, .ack]), ("reset", [.rst]),
        // Every way a student writes the common answers is that answer: A is ACK like tcpdump's '.'.
        ("FA", [.fin, .ack]), ("F,A", [.fin, .ack]), ("FIN,ACK", [.fin, .ack]), ("fin ack", [.fin, .ack]),
        ("FIN+ACK", [.fin, .ack]), ("A,F", [.fin, .ack]), ("fa", [.fin, .ack]), ("F A", [.fin, .ack]),
        ("FIN-ACK", [.fin, .ack]), ("FINACK", [.fin, .ack]), ("A", [.ack]), ("a", [.ack]), ("S.", [.syn, .ack]),
        ("SA", [.syn, .ack]), ("AS", [.syn, .ack]), ("S,A", [.syn, .ack]), ("SYN ACK", [.syn, .ack]),
        ("syn/ack", [.syn, .ack]), ("SYN-ACK", [.syn, .ack]), ("synack", [.syn, .ack]), ("SYN,A", [.syn, .ack]),
        ("R.", [.rst, .ack]), ("RA", [.rst, .ack]), ("RST,ACK", [.rst, .ack]), ("P.", [.psh, .ack]),
        ("PA", [.psh, .ack]), ("FPA", [.fin, .psh, .ack]), ("FP.", [.fin, .psh, .ack]), ("PSH,ACK", [.psh, .ack]),
        ("fin psh ack", [.fin, .psh, .ack]), ("S.A", [.syn, .ack]), ("SS", [.syn]), ("ACK,ACK", [.ack]),
        ("Flags [FA]", [.fin, .ack]), ("-", []), ("无", []), ("Flags [none]", []),
    ]

    @Test("flags in every accepted spelling", arguments: flagCases)
    func flagSpellings(text: String, flags: TCPFlags) throws {
        #expect(try AnswerParser.flags(text) == flags)
    }

    @Test("unreadable flags say what is wrong, where")
    func flagErrors() {
        expectError(try AnswerParser.flags("SYN,AKC"), column: 4, mentions: "AKC")
        expectError(try AnswerParser.flags("F,X"), column: 2, mentions: "S A F R P U")
        expectError(try AnswerParser.flags("SYNAC"), column: 0, mentions: "SYNAC")
        // Separators alone name no flag: not the same as typing none.
        for separators in [",", "--", " + ", "[]", "Flags"] {
            expectError(try AnswerParser.flags(separators), column: 0, mentions: "type the flags")
        }
        expectError(try AnswerParser.flags("SYN=2"), column: 0, mentions: "=1")
        expectError(try AnswerParser.flags("   "), column: 0, mentions: "type the flags")
    }

    static let numberCases: [(String, UInt32)] = [
        ("3626544836", 3_626_544_836), ("3626544836+1", 3_626_544_837), ("1739326486 + 1", 1_739_326_487),
        ("4294967295+1", 0), ("4294967295 + 2", 1), ("0-1", 4_294_967_295), ("1000+100+1", 1101),
        (" 3626544937 - 100 ", 3_626_544_837), ("seq 42", 42), ("ack=7", 7), ("１２＋１", 13), ("5000 − 1", 4999),
        ("2147483648+2147483648", 0),
    ]

    @Test("numbers, sums and differences, modulo 2^32 for seq and ack", arguments: numberCases)
    func numbers(text: String, value: UInt32) throws {
        let field: QuizField = text.hasPrefix("ack") ? .ack : .seq
        #expect(try AnswerParser.number(text, field: field) == value)
    }

    @Test("unreadable numbers say what is wrong, where")
    func numberErrors() {
        expectError(try AnswerParser.number("4294967296", field: .seq), column: 0, mentions: "4294967295")
        expectError(try AnswerParser.number("12x", field: .seq), column: 2, mentions: "'x'")
        expectError(try AnswerParser.number("12+", field: .seq), column: 2, mentions: "must follow")
        expectError(try AnswerParser.number("", field: .ack), column: 0, mentions: "type a number")
        expectError(try AnswerParser.number("0-1", field: .len), column: 0, mentions: "length")
        expectError(try AnswerParser.number("1,000", field: .seq), column: 1, mentions: "','")
    }

    @Test("ack: a number or none")
    func ackAnswers() throws {
        #expect(try AnswerParser.ack("none") == .absent)
        #expect(try AnswerParser.ack("-") == .absent)
        #expect(try AnswerParser.ack("无") == .absent)
        #expect(try AnswerParser.ack("3626544836+1") == .number(3_626_544_837))
    }

    static let stateCases: [(String, ConnectionState)] = [
        ("SYN_RECEIVED", .synReceived), ("SYN-RECEIVED", .synReceived), ("syn_recv", .synReceived),
        ("SYN_RCVD", .synReceived), ("FIN_WAIT1", .finWait1), ("fin-wait-2", .finWait2), ("TIME_WAIT", .timeWait),
        ("time-wait", .timeWait), ("Established", .established), ("LAST_ACK", .lastAck), ("close wait", .closeWait),
        ("ＴＩＭＥ＿ＷＡＩＴ", .timeWait),
    ]

    @Test("state names in the RFC's, netstat's and our spelling", arguments: stateCases)
    func stateSpellings(text: String, state: ConnectionState) throws {
        #expect(try AnswerParser.state(text) == state)
    }

    @Test("an unknown state lists the states")
    func stateError() {
        expectError(try AnswerParser.state("WAITING"), column: 0, mentions: "TIME_WAIT")
    }

    @Test("sender as A/B or as the host's address")
    func senders() throws {
        let hosts = Fixtures.seedHosts
        #expect(try AnswerParser.sender("A", hosts: hosts) == .a)
        #expect(try AnswerParser.sender(" b ", hosts: hosts) == .b)
        #expect(try AnswerParser.sender("host B", hosts: hosts) == .b)
        #expect(try AnswerParser.sender("主机A", hosts: hosts) == .a)
        #expect(try AnswerParser.sender("192.168.1.123:7788", hosts: hosts) == .b)
        #expect(try AnswerParser.sender("192.168.1.116.3337", hosts: hosts) == .a)
        #expect(try AnswerParser.sender("192.168.1.116", hosts: hosts) == .a)
        expectError(try AnswerParser.sender("C", hosts: hosts), column: 0, mentions: "192.168.1.116:3337")
        let loopback: [HostID: HostAddress] = [
            .a: HostAddress(address: "127.0.0.1", port: 40000), .b: HostAddress(address: "127.0.0.1", port: 80),
        ]
        #expect(try AnswerParser.sender("127.0.0.1:80", hosts: loopback) == .b)
        expectError(try AnswerParser.sender("127.0.0.1", hosts: loopback), column: 0, mentions: "have that address")
    }

    @Test("a whole answer: blank fields stay unanswered, the first bad field is reported")
    func wholeAnswer() throws {
        let answer = try AnswerParser.answer(
            [.sender: "B", .flags: "syn+ack", .seq: "1739326486", .ack: "3626544836+1", .state: " "],
            hosts: Fixtures.seedHosts)
        #expect(
            answer
                == QuizAnswer(sender: .b, flags: [.syn, .ack], seq: 1_739_326_486, ack: .number(3_626_544_837)))
        #expect(!answer.isAnswered(.state))
        #expect(throws: AnswerError.self) { try AnswerParser.answer([.seq: "12", .ack: "x"], hosts: [:]) }
        do {
            _ = try AnswerParser.answer([.seq: "12", .ack: "x"], hosts: [:])
        } catch {
            #expect(error.field == .ack)
        }
    }

    @Test("toggling flags as check boxes")
    func toggling() {
        var answer = QuizAnswer()
        answer.toggle(.syn)
        answer.toggle(.ack)
        #expect(answer.flags == [.syn, .ack])
        answer.toggle(.syn)
        #expect(answer.flags == [.ack])
    }

    @Test("every parse error has English and Chinese text")
    func bilingualErrors() {
        let errors = [
            caught { try AnswerParser.flags("XYZ") }, caught { try AnswerParser.number("abc", field: .seq) },
            caught { try AnswerParser.state("foo") }, caught { try AnswerParser.sender("Z", hosts: [:]) },
        ]
        for error in errors {
            #expect(error != nil)
            guard let error else { continue }
            #expect(!error.message.en.isEmpty)
            #expect(error.message.zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }
    }

    private func caught<T>(_ body: () throws -> T) -> AnswerError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? AnswerError
        }
    }

    private func expectError<T>(
        _ body: @autoclosure () throws -> T, column: Int, mentions text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error = caught(body) else {
            Issue.record("expected an error mentioning \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.column == column, sourceLocation: sourceLocation)
        #expect(error.message.en.contains(text), "\(error.message.en)", sourceLocation: sourceLocation)
    }
}
