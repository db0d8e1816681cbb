@invented
Feature: People the Vienna Conventions do not cover
  The VCDR governs the permanent diplomatic missions that States exchange with each other
  (art. 2), and the VCCR their consular posts. A permanent mission to an international
  organisation, a minister on a visit, or anyone the case file gives no posting at all falls
  outside both: a headquarters agreement, customary law on senior officials, or the
  Convention on Special Missions may protect them, but this engine does not encode that law.
  So it answers every such question "unknown", says the Conventions do not cover it and what
  law would, and never falls silent. The legal brief does not discuss the Conventions' scope,
  so these answers are flagged as resting on unverified law.

  In these scenarios "the answer" means the answer to the claim stated in the step just before.

  @vcdr-1 @vcdr-2
  Scenario: A member of a permanent mission to an organisation gets an explicit "not covered"
    Given the invented outside case
    When we ask what applied on 1 February 2025
    Then whether the permanent representative is immune from Italy's criminal jurisdiction for the parking collision is unknown
    And the answer explains: "Not covered by the VCDR or the VCCR"
    And the answer says it needs "outside the VCDR and the VCCR"
    And the answer cites VCDR art. 2
    And the answer is flagged as resting on the unverified doctrine that whether a member of a permanent mission to an international organisation is immune for an act is a question for the law that governs that mission
    And whether the permanent representative is inviolable in Italy is unknown
    And the answer rests on the permanent representative's posting

  @vcdr-1-i @vcdr-2
  Scenario: The premises of a permanent mission to an organisation are not the VCDR's to protect
    Given the invented outside case
    When we ask what applied on 1 February 2025
    Then whether the premises of France's permanent mission in Rome are inviolable is unknown
    And the answer says it needs "the law that governs the mission"

  @vcdr-1
  Scenario: A visiting minister with no posting is not covered either
    Given the invented outside case
    When we ask what applied on 10 March 2025
    Then whether the visiting minister is immune from Italy's criminal jurisdiction for the hotel scuffle is unknown
    And the answer explains: "no posting at a diplomatic mission or consular post"
    And the answer cites VCDR art. 1
    And whether the visiting minister may be compelled to give evidence in Italy is unknown
