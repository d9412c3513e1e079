import Testing

@testable import Terminal

@Suite struct FramePacerTests {
  let start = ContinuousClock.now

  @Test func withNothingDueAndNothingToDrawTheLoopWaitsForInput() {
    var pacer = FramePacer()
    pacer.frameDrawn(from: start, to: start + .milliseconds(1))
    #expect(pacer.waitTime(now: start + .milliseconds(2), deadline: nil, needsDraw: false) == nil)
  }

  @Test func theWaitEndsAtTheProgramsDeadline() {
    let pacer = FramePacer()
    #expect(pacer.waitTime(now: start, deadline: start + .milliseconds(30), needsDraw: false) == .milliseconds(30))
    #expect(pacer.waitTime(now: start, deadline: start - .milliseconds(5), needsDraw: false) == .zero)
  }

  @Test func framesAreAtLeastASixtiethOfASecondApart() {
    var pacer = FramePacer()
    #expect(pacer.mayDraw(at: start))
    pacer.frameDrawn(from: start, to: start + .milliseconds(2))
    #expect(!pacer.mayDraw(at: start + .milliseconds(10)))
    #expect(pacer.mayDraw(at: start + .milliseconds(17)))
    let wait = pacer.waitTime(now: start + .milliseconds(10), deadline: nil, needsDraw: true)
    #expect(wait == .seconds(1) / 60 - .milliseconds(10))
  }

  @Test func aDeadlineBeforeTheNextFrameWins() {
    var pacer = FramePacer()
    pacer.frameDrawn(from: start, to: start + .milliseconds(1))
    let wait = pacer.waitTime(now: start + .milliseconds(2), deadline: start + .milliseconds(5), needsDraw: true)
    #expect(wait == .milliseconds(3))
  }

  @Test func theStepBudgetLeavesTimeToDrawButNeverStarves() {
    var pacer = FramePacer()
    for _ in 0..<20 { pacer.frameDrawn(from: start, to: start + .milliseconds(4)) }
    let budget = pacer.stepBudget(now: start)
    #expect(budget < .seconds(1) / 60 - .milliseconds(3))
    #expect(budget > .seconds(1) / 60 - .milliseconds(5))
    #expect(pacer.stepBudget(now: start + .milliseconds(16)) == .milliseconds(1))
  }
}
