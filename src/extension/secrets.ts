/**
 * The messenger secrets, kept only in VS Code's SecretStorage (the OS keychain on desktop).
 * One slot per vendor and platform, plus a "previous" slot that holds the secret a rotation
 * replaced, so the hash checker can tell a hash made with the old secret.
 */
import type * as vscode from 'vscode';
import { VENDORS, type Platform, type Vendor } from '../core/vendors';

export type SecretSlot = 'current' | 'previous';

/** Where a secret lives: vendor, platform, slot. */
export interface SecretRef {
  readonly vendor: Vendor;
  readonly platform: Platform;
  readonly slot: SecretSlot;
}

/** Typed access to the extension's SecretStorage. Values never leave it except to the core. */
export class SecretVault {
  constructor(private readonly storage: vscode.SecretStorage) {}

  private static key(ref: SecretRef): string {
    return `identityVerification.secret/${ref.vendor.id}/${ref.platform}/${ref.slot}`;
  }

  /** The stored secret, or undefined. */
  async get(ref: SecretRef): Promise<string | undefined> {
    return this.storage.get(SecretVault.key(ref));
  }

  /**
   * Stores `value` as the current secret. A different secret already there moves to the
   * previous slot (a rotation); resolves to true when that happened.
   */
  async setCurrent(vendor: Vendor, platform: Platform, value: string): Promise<boolean> {
    const current = { vendor, platform, slot: 'current' } as const;
    const old = await this.get(current);
    const rotated = old !== undefined && old !== value;
    if (rotated) await this.storage.store(SecretVault.key({ vendor, platform, slot: 'previous' }), old);
    await this.storage.store(SecretVault.key(current), value);
    return rotated;
  }

  /** Stores `value` in the given slot as is. */
  async set(ref: SecretRef, value: string): Promise<void> {
    await this.storage.store(SecretVault.key(ref), value);
  }

  /** Removes one secret. */
  async delete(ref: SecretRef): Promise<void> {
    await this.storage.delete(SecretVault.key(ref));
  }

  /** Which slots hold a secret, across every vendor and platform (values are not returned). */
  async stored(): Promise<SecretRef[]> {
    const refs: SecretRef[] = [];
    for (const vendor of VENDORS) {
      for (const platform of vendor.platforms) {
        for (const slot of ['current', 'previous'] as const) {
          const ref = { vendor, platform, slot };
          if ((await this.get(ref)) !== undefined) refs.push(ref);
        }
      }
    }
    return refs;
  }
}
