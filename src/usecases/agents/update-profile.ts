import { z } from 'zod'
import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || null)

export const ProfileInput = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: optionalText(200),
  about: optionalText(2000),
  is_public: z.boolean(),
})
export type ProfileInput = z.input<typeof ProfileInput>

export type ProfileErrors = Partial<Record<keyof ProfileInput, 'required' | 'tooLong'>>
export type ProfileResult = { agent: Agent } | { errors: ProfileErrors }

/** The agent edits their profile: name, organisation, a few words about them, and whether it is public. */
export async function updateProfile(stores: Pick<Stores, 'agents' | 'audit'>, agentId: string, input: ProfileInput): Promise<ProfileResult> {
  const parsed = ProfileInput.safeParse(input)
  if (!parsed.success) {
    const errors: ProfileErrors = {}
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof ProfileInput] ??= issue.code === 'too_small' ? 'required' : 'tooLong'
    return { errors }
  }
  const agent = await stores.agents.updateProfile(agentId, parsed.data)
  if (!agent) throw new Error(`No agent ${agentId}.`)
  // Which fields changed, never their values: the log outlives the agent.
  await stores.audit.record({ agentId, action: 'agent.profile-updated', subjectType: 'agent', subjectId: agentId, details: { fields: Object.keys(parsed.data) } })
  return { agent }
}
