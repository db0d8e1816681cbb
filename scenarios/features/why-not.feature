@kim @command @why-not
Feature: Why not: the smallest change of facts that would reverse an answer
  `immunity why-not QUESTION --subject ID --at DATE` looks for the fewest facts whose change
  would turn an answer round. It does not reason about the law on its own: it varies the
  facts the answer rests on, one at a time (two at a time only when no single change does
  it), runs the engine on every varied copy of the case, and keeps the changes that turned
  the answer. Each change is printed as the `--set` that `immunity what-if` takes, so a
  reader can replay it.

  Background:
    Given the Kim case as the reports tell it

  @vcdr-39-2
  Scenario: One fact stood between Kim and immunity in August 2020: the character of the act
    When we ask why not for Kim's immunity from New Zealand's criminal jurisdiction on 10 August 2020
    Then the only change that would reverse the answer is a single fact: "acts.assault-2017.official=true"
    And with that change the answer would turn from no to yes, by the rule vcdr.39-2.functions-ended
    And what-if, asked the same change on the same day, gives the same answer by the same rule and in the same words
    And leaving open whether the 2017 assaults were official would leave the answer unknown rather than reverse it

  @vcdr-22-1
  Scenario: No change of the embassy's own facts would open its premises
    When we ask why not for the inviolability of the premises of the Korean embassy in Wellington on 10 August 2020
    Then no change of one or two facts would reverse the answer
    And one change would leave the answer open rather than reverse it: "missions.rok-embassy-wellington.kind=permanent_mission"
