@kim @command @explain
Feature: Explain: the reasoning behind an answer, from article to fact to report
  `immunity explain QUESTION --subject ID --at DATE` shows why the engine answered as it
  did. The explanation is not written after the fact: it is the record the engine kept
  while its rules fired. Each step of the reasoning names the rule, the article it applies,
  a one-line paraphrase of that article, and what it joined; the steps go down to the facts
  of the case file, each with the reports it comes from. Beside the reasoning stand the
  rules that were considered and did not apply (the exceptions, the other categories of
  staff), so a reader sees what was ruled out as well as what was ruled in.

  `--json` gives the same tree, for a program to read. In these scenarios every claim is
  checked in both: the printed explanation and the `--json` tree.

  @vcdr-39-2
  Scenario: Why Kim had no immunity from New Zealand's criminal courts in August 2020
    Given the Kim case as the reports tell it
    When we ask the engine to explain Kim's immunity from New Zealand's criminal jurisdiction on 10 August 2020
    Then the explanation answers NO
    And the reasoning applies VCDR art. 39(2), by the rule vcdr.39-2.functions-ended
    And the reasoning applies VCDR art. 39(2), by the rule vcdr.39-2.residual
    And the reasoning rests on Kim's posting to the Wellington embassy, which records "functions ended February 2018", as reported in A1, A2 and A3
    And the reasoning rests on the 2017 assaults, which records "not performed in the exercise of functions", as reported in A2 and A3
    And every line of the reasoning ends in a fact of the case file
    And the rules that decided the answer are not among those listed as considered

  @vcdr-31-1 @vcdr-1-e
  Scenario: Why Kim was immune while in post, and which categories of staff were ruled out
    Given the Kim case as the reports tell it
    When we ask the engine to explain Kim's immunity from New Zealand's criminal jurisdiction on 1 December 2017
    Then the explanation answers YES
    And the reasoning applies VCDR art. 31(1), by the rule vcdr.31-1.criminal
    And the reasoning applies VCDR art. 1(e), by the rule vcdr.1-e.diplomatic-agent
    And the reasoning rests on Kim's posting to the Wellington embassy, which records "Deputy Head of Mission", as reported in A1, A2 and A3
    And the explanation lists as considered, and not applying:
      | rule                               | article         |
      | vcdr.37-2.administrative-technical | VCDR art. 37(2) |
      | vcdr.37-3.service-staff            | VCDR art. 37(3) |
      | vcdr.37-4.private-servant          | VCDR art. 37(4) |
      | vcdr.38-1.national-agent           | VCDR art. 38(1) |
    And the rules that decided the answer are not among those listed as considered

  @vcdr-31-1
  Scenario: The exceptions to civil immunity are shown as considered
    Given the Kim case as the reports tell it
    When we ask the engine to explain Kim's immunity from New Zealand's civil jurisdiction on 1 December 2017
    Then the explanation answers YES
    And the reasoning applies VCDR art. 31(1), by the rule vcdr.31-1.civil
    And the explanation lists as considered, and not applying:
      | rule                           | article            |
      | vcdr.31-1-abc.civil-exceptions | VCDR art. 31(1)(a) |
      | vcdr.31-1-abc.civil-exceptions | VCDR art. 31(1)(b) |
      | vcdr.31-1-abc.civil-exceptions | VCDR art. 31(1)(c) |
    And the rules that decided the answer are not among those listed as considered

  @vcdr-1-c @vcdr-31-2
  Scenario: An answer the case file cannot settle says which missing fact would settle it
    Given the Kim case as the reports tell it
    When we ask the engine to explain whether the complainant could be compelled to give evidence in New Zealand on 1 December 2017
    Then the explanation answers UNKNOWN
    And the explanation says it needs "the complainant's category of staff at the mission"
    And the step of the reasoning that stopped is the rule vcdr.1-c.category-unknown, citing VCDR art. 1(c)
    And the reasoning rests on the complainant's posting to the Wellington embassy, which records "category not reported", as reported in A2 and A3
    And every line of the reasoning ends in a fact of the case file
